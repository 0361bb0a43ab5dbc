const a = 1;
print('a is', a);
