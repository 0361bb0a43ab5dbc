// The network's trip to the kernel Worker in one Float64Array: core's Net owns the layout.
export { packNet, unpackNet, packedCount, type PackedNet } from '../core/network';
