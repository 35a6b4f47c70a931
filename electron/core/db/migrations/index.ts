import type { Migration } from './types';
import { migration001 } from './001-initial';
import { migration002 } from './002-panel-composite';
import { migration003 } from './003-generated-rows-follow-panel';
import { migration004 } from './004-blobs-in-rowid-tables';
import { migration005 } from './005-script-and-omitted';
import { migration006 } from './006-image-palettes';
import { migration007 } from './007-shot-lock-and-typed-prompts';
import { migration008 } from './008-motion-jobs-and-clips';
import { migration009 } from './009-clip-variations';
import { migration010 } from './010-drawing-layers';
import { migration011 } from './011-stroke-chunks';
import { migration012 } from './012-clip-chunks';

/** Every schema step in order. Add a file per version; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012];

export const CURRENT_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
