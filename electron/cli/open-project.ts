import { Project } from '../core/project';
import { CURRENT_SCHEMA_VERSION } from '../core/db/migrations/index';
import { checkProjectFile } from '../core/db/header';

/**
 * Commands that only read (list, exports) open the project read-only, without its lock, so they work
 * while the app has it open. A file in an older format is opened for writing once, to be upgraded.
 */
export function openToRead(file: string): Project {
  const facts = checkProjectFile(file, CURRENT_SCHEMA_VERSION, { forWriting: false });
  return Project.open(file, { readOnly: facts.userVersion === CURRENT_SCHEMA_VERSION });
}
