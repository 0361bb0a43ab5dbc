interface Thing { field: number }

const thing: Thing = { field: 1 };
const nothing: any = undefined;
print(thing.field + nothing.field);
