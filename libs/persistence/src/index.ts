export * from './bigint-transformer';
export * from './data-source';
export * from './sql-check';
export * from './pg-error';
export * from './preparing-client';
