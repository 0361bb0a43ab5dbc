// Left of the pair: the pre-activation by hand.
const z1 = la.add(la.matmul(W1, X0), beta1);
display(z1, { label: 'z1' });
z1.shape
