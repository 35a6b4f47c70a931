import { inspect } from 'node:util';

/**
 * A key or password that cannot leak by accident: JSON.stringify, String() and console.log all show
 * "[redacted]". Only `reveal()` gives the value, at the one place it goes into a request header.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toJSON(): string {
    return '[redacted]';
  }

  toString(): string {
    return '[redacted]';
  }

  [inspect.custom](): string {
    return 'Secret([redacted])';
  }
}

export const secretValue = (s: Secret | undefined): string | undefined => s?.reveal();
