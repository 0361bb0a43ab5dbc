// Right of the pair: top-level await and the rich outputs, as text.
interface Row { name: string; value: number }
const rows: Row[] = [{ name: 'answer', value: await Promise.resolve(42) }];
display.table(['name', 'value'], rows.map((r) => [r.name, r.value]));
display.latex(String.raw`z_1 = W_1 X_0 + \beta_1`);
display.plot({ data: [{ x: [1, 2], y: [3, 4] }], layout: { title: { text: 'a line' } } });
rows[0].value
