/** An API request body that is not acceptable JSON input. */
export class BadJson extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadJson';
  }
}

/**
 * Parses an API request body: empty is `{}`. JSON.parse makes "__proto__" an own key (it does not
 * change a prototype), but any later merge or assignment of such an object could; no method takes a
 * key of that name, so a body that carries one anywhere is refused outright.
 */
export function parseJsonInput(body: Buffer): unknown {
  const text = body.toString('utf8');
  if (text.trim() === '') return {};
  let unsafeKey = false;
  let value: unknown;
  try {
    value = JSON.parse(text, function (key, v: unknown) {
      if (key === '__proto__') unsafeKey = true;
      return v;
    });
  } catch (e) {
    throw new BadJson(`Bad request: ${(e as Error).message}`);
  }
  if (unsafeKey) throw new BadJson('Bad request: "__proto__" is not accepted as a key.');
  return value;
}
