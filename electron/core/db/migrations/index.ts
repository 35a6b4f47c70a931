import type { Migration } from './types';
import { migration001 } from './001-initial';

/** Every schema step in order. Add a file per version; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [migration001];

export const CURRENT_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
