/** Where a clip's bytes are served (full body or byte ranges, video/mp4 or video/webm). */
export const clipUrl = (sha256: string) => `/media/clip/${sha256}`;

/** "5.0 s": a clip's length as the gallery and the inspector say it. */
export const clipSeconds = (durationMs: number) => `${(durationMs / 1000).toFixed(1)} s`;
