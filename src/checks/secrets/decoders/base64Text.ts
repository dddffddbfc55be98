const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Decodes base64 that holds text; undefined when the input is not base64
 * or decodes to binary (ciphertext, images), which no text rule can read.
 * @example base64Text("aHVudGVyMg==") // "hunter2"
 */
export function base64Text(encoded: string): string | undefined {
  const compact = encoded.replace(/\s+/g, "");
  if (compact.length < 4 || compact.length % 4 !== 0) return undefined;
  if (!BASE64.test(compact)) return undefined;
  try {
    const text = utf8.decode(Buffer.from(compact, "base64"));
    return hasControlChars(text) ? undefined : text;
  } catch (cause) {
    // Not UTF-8: binary content, nothing for text rules to find.
    void cause;
    return undefined;
  }
}

/** Control characters other than tab, newline and carriage return. */
function hasControlChars(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) return true;
  }
  return false;
}
