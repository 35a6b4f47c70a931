/** PRAGMA application_id of every .boardwright file: "BWRD" in ASCII. */
export const APPLICATION_ID = 0x42575244;
/** The schema version this build writes (PRAGMA user_version). */
export { CURRENT_SCHEMA_VERSION } from './migrations/index';
