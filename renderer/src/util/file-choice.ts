/** Asking for one file from the system's chooser, and refusing one that is too large before it is sent. */

/**
 * Opens the file chooser through a hidden input (a browser opens one only from a click on an input)
 * and hands over the chosen file; nothing happens when the chooser is cancelled.
 */
export function chooseFile(accept: string, testId: string, onFile: (file: File) => void): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = accept;
  input.setAttribute('data-testid', testId);
  input.style.display = 'none';
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.remove();
    if (file) onFile(file);
  });
  document.body.append(input);
  input.click();
}

/** Throws a sentence saying so when `file` is larger than `limit` bytes ("too large to be a screenplay"). */
export function checkFileSize(file: File, limit: number, what: string): void {
  if (file.size <= limit) return;
  const mb = (n: number) => (n / 1048576).toFixed(0);
  throw new Error(`${file.name} is ${mb(file.size)} MB: too large to be ${what} (the limit is ${mb(limit)} MB).`);
}
