import { DATASET_VERSION } from './dataset-format';

/** The README.md written into every dataset: what each file holds, field by field. */
export function datasetReadme(title: string, counts: Record<string, number>): string {
  return `# ${title || 'Untitled'}: Boardwright decision dataset

Format \`${DATASET_VERSION}\`, written by Boardwright's \`export dataset\` (File > Export Decision Dataset…).
It records the creative decisions made on one storyboard: the shots, what changed and why, every
generated picture with the prompt that asked for it, and which pictures were picked over which.

All text is UTF-8. \`.jsonl\` files are JSON Lines: one JSON object per line, oldest first (panels in
board order). Times are ISO 8601 in UTC. Durations are milliseconds. An image is named by a path
relative to this folder, \`images/<sha256>.<ext>\`, where \`<sha256>\` is the SHA-256 of the file's bytes.
Nothing here is a path outside this folder, and no provider key is included.

| File | Records |
| --- | --- |
| manifest.json | 1 |
| panels.jsonl | ${counts.panels} |
| decisions.jsonl | ${counts.decisions} |
| generations.jsonl | ${counts.generations} |
| preferences.jsonl | ${counts.preferences} |
| images/ | ${counts.images} files |

## manifest.json

- \`format\`: \`"${DATASET_VERSION}"\`. A later version that changes a field's meaning gets a new number.
- \`title\`: the project's title. \`exported_at\`: when this folder was written.
- \`app_version\`: the Boardwright version that wrote it. \`aspect_ratio\`, \`fps\`: the project's.
- \`files\`: each file's name and record count (for \`images\`, the number of files).

## panels.jsonl: one line per panel

- \`panel_id\`: stable id (the same in every other file). \`index\`: 0-based position on the board.
- \`shot\`: shot number as the crew calls it ("12A"). \`scene\`: 1-based scene number, \`scene_id\`, \`scene_heading\`.
- \`shot_size\`, \`angle\`, \`lens_mm\`, \`camera_move\`: the shot fields (null when not set).
- \`transition\`: into the shot ("cut", "dissolve", "fade in", "fade out"); \`transition_ms\`: its length, null for a cut.
- \`status\`: "draft", "review" or "approved".
- \`duration_ms\`: the panel's time on screen. \`start_ms\`: where it starts in the board's running time,
  \`scene_start_ms\`: within its scene (both null for an omitted panel, which does not play).
- \`action\`, \`dialogue\`, \`sound\`, \`notes\`: text; \`tags\`: array of strings.
- \`omitted\`: dropped by the editor or cut from the script (kept, left out of exports).
- \`palette\`: the main colours of what the panel shows (picture with its sketch), "#rrggbb", most covering first; [] for a panel without a picture.
- \`image\`: the picked image file (null when the panel has no image); \`image_sha256\`: its hash.
- \`picked_variation_id\`: the variation (in generations.jsonl) the image came from, or null.

## decisions.jsonl: the creative decision log

The same records as \`boardwright export decisions FILE OUT.jsonl\`, one per entry.

- \`time\`, \`kind\`, \`shot\` (the shot number when the entry was written), \`panel_id\`, \`scene\`, \`scene_heading\`, \`scene_id\`.
- \`kind\`: \`variation.picked\`, \`shot.size\`, \`shot.angle\`, \`shot.lens\`, \`shot.move\`, \`shot.duration\`,
  \`shot.transition\`, \`panel.status\`, \`image.replaced\`, \`scene.heading\`, \`panel.moved\`, \`panel.deleted\`,
  \`script.imported\` (\`data.reimport\` true for a re-import), \`editorial.conform\` or \`note\`.
- \`field\`: the panel column that changed (\`shot_size\`, \`lens_mm\`, \`image\`...), null when none.
- \`old_value\`, \`new_value\`: before and after, as text (image SHA-256s for picks and replaced images;
  for a note, \`new_value\` is the note).
- \`why\`: the reason given, at the time or added later ("" when none).
- \`initial\`: true for first-time data entry (a field getting its first value on a panel, or a scene its
  first heading), not a change of mind. The app's log hides these by default.
- \`data\`: details; for a pick, \`variationId\`, \`provider\`, \`model\`, \`seed\`, \`promptVersionId\` and
  \`alternatives\` (the variations it was picked over, each with its \`imageSha256\`), and \`drawing: "replaced"\`
  when the pick also cleared the panel's strokes (otherwise the picture went under them).

## generations.jsonl: one line per variation

- \`variation_id\`, \`panel_id\`, \`shot\`, \`job_id\` (the request that made it; null for an image the panel had before).
- \`provider\` ("openai", "comfyui"..., or "import" for a picture that was not generated), \`model\`, \`seed\`.
- \`prompt\`, \`negative_prompt\`: the full composed prompt sent. \`prompt_version_id\`, \`prompt_version\`
  (1 for the panel's first prompt, counting up), \`prompt_parent_id\` (the version it was edited from).
- \`prompt_params\`, \`job_params\`, \`params\`: parameters of the prompt, the request and this picture.
- \`elapsed_ms\`, \`cost_usd\`: when the provider reported them.
- \`prompt_created_at\`, \`requested_at\`, \`started_at\`, \`finished_at\`, \`created_at\`: timestamps.
- \`image\`, \`image_sha256\`, \`width\`, \`height\`: the picture (for a clip, its first frame).
- \`kind\`: \`still\` or \`clip\` (a motion clip made from the panel's picture); \`clip_sha256\` and \`clip_duration_ms\`: the clip, kept in the project file (null for a still).
- \`picked\`: a pick in the log chose it. \`current\`: it is the panel's image now.

## preferences.jsonl: one line per pick, for preference tuning

A pick of a generated variation over other variations of the same request (the same generation job):

- \`prompt\`, \`negative_prompt\`: what was asked. \`chosen\`: the picked image file. \`rejected\`: the image
  files it was picked over (one or more). For pairwise tools (DPO), each rejected file makes one
  (prompt, chosen, rejected) pair.
- \`pick_id\` (its decisions.jsonl entry), \`time\`, \`panel_id\`, \`shot\`, \`prompt_version_id\`, \`provider\`,
  \`model\`, \`chosen_variation_id\`, \`rejected_variation_ids\`, \`why\`.

Picks with nothing of the same request to beat (a single picture, an imported image) are only in decisions.jsonl.

## images/

Each picture referred to anywhere above, once, named by its SHA-256.
`;
}
