/** Bad command-line usage: exit code 2 with the usage text. */
export class UsageError extends Error {}

export const USAGE = `Usage: boardwright <command> ...

  new FILE [--title T] [--aspect 2.39|1.85|16:9|4:3|1:1|9:16] [--fps 24]
  add FILE IMAGE... [--scene HEADING] [--duration SECONDS]
  set FILE SHOT_NUMBER [--duration SECONDS] [--shot-size S] [--angle A] [--lens MM]
      [--move M] [--action T] [--dialogue T] [--notes T] [--sound T] [--tags a,b] [--transition cut|dissolve|fade in|fade out]
      [--shot-number N] [--status draft|review|approved]
  set-project FILE [--title T] [--aspect 2.39|1.85|16:9|4:3|1:1|9:16] [--fps F] [--default-duration SECONDS]
      [--fit letterbox|crop|keep] [--lock-shot-numbers on|off]
  list FILE [--json]
  check FILE
  generate FILE (--panel SHOT_NUMBER | --all | --empty) [--provider builtin|openai|gemini|stability|replicate|comfyui|a1111]
      [--count K] [--seed S]
  pick FILE SHOT_NUMBER VARIATION_INDEX [--why TEXT] [--replace-drawing]   (1 = the panel's oldest variation, in the order generate printed them)
      (the picture goes under the panel's strokes; --replace-drawing clears them in the same undo step)
  import script FILE SCRIPT [--panels beats|scene] [--dry-run] [--json]   (Fountain or Final Draft .fdx)
  import edit FILE TIMELINE [--dry-run] [--json]   (an editor's .otio, .fcpxml, .xml or .edl: the conform)
  export pdf FILE OUT.pdf [--layout COLSxROWS] [--paper letter|a4|tabloid|a3] [--orientation landscape|portrait]
      [--fields LIST] [--scenes LIST] [--panels LIST] [--cover]
  export csv FILE OUT.csv [--columns LIST] [--include-omitted]
  export mp4 FILE OUT.mp4 [--fps 24] [--height 1080] [--burn-in shot,dialogue,sound,timecode]
  export frames FILE FOLDER [same options as mp4]   (one PNG per frame)
  export decisions FILE OUT.jsonl|OUT.csv
  export dataset FILE DIR   (panels, decisions, generations, preferences and images; README.md inside)
  export fcpxml|xmeml|edl|otio FILE OUT [--media DIR] [--relative] [--fps F] [--scenes LIST] [--bake-moves]
  insights FILE [--scenes LIST] [--json]   (coverage, pacing, colour and generation figures; LIST: scene numbers as shown, e.g. 1,3,12A)

  (export pdf --help, export csv --help and export otio --help list their options)

Exit status: 0 success, 1 a problem with a file or image, 2 bad usage.`;

/** Parses a positive number of seconds into milliseconds. */
export function secondsToMs(value: string, flag: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`${flag} takes a positive number of seconds, not "${value}".`);
  return Math.round(seconds * 1000);
}

export function requireArg(value: string | undefined, what: string): string {
  if (!value) throw new UsageError(`Missing ${what}.`);
  return value;
}
