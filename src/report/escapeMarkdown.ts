/**
 * Escapes text for a Markdown table cell: pipes, HTML, line breaks and
 * mention/emphasis characters, so PR content cannot inject markup or ping
 * people from our comment.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|#~])/g, "\\$1")
    .replace(/@/g, "@\u200b");
}
