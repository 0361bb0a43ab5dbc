// A promise rejected and never awaited, while the cell is still running.
Promise.reject(new Error('nobody awaited me'));
await new Promise((r) => setTimeout(r, 20));
print('the cell went on');
