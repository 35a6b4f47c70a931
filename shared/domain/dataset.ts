/** What a finished decision dataset export reports: its folder, record counts and bytes written. */
export interface DatasetSummary {
  path: string;
  panels: number;
  decisions: number;
  generations: number;
  preferences: number;
  images: number;
  bytes: number;
}
