export { grade, gradeOne } from './grade';
export type * from './checks';
export { MISCONCEPTION_KINDS } from './checks';
export { EPHEMERAL_PORTS } from './record-queries';
