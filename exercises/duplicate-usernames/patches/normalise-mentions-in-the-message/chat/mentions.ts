// "@handle" mentions in message text. A mention starts at "@" that is not preceded by a
// handle character (so e-mail addresses are not mentions) and runs over handle characters.
const MENTION = /(^|[^\p{L}\p{M}\p{N}_])@([\p{L}\p{M}\p{N}._-]+)/gu;

/** The handles mentioned in `text`, in order of first appearance, without duplicates. */
export function extractMentions(text: string): string[] {
  const handles: string[] = [];
  for (const match of text.matchAll(MENTION)) {
    // Sentence punctuation after a mention ("thanks @maria.") is not part of the handle.
    // Clients send accents in different forms; compose them so "José" matches the stored handle.
    const handle = (match[2] as string).replace(/[._-]+$/u, '').normalize('NFC');
    if (handle !== '' && !handles.includes(handle)) handles.push(handle);
  }
  return handles;
}
