/** Every migration of the index, in order. Never edit one that has shipped: add the next. */
import type { Migration } from '../index-db';
import { init } from './0001-init';

export const MIGRATIONS: readonly Migration[] = [init];
