export * from './errors';
export * from './notify';
export * from './types';
export * from './shop';
export * from './jobs';
export * from './system';
export * from './shipping';
export * from './coupons';
