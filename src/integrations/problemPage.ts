/** Text as HTML character data or a quoted attribute value: `&`, `<`, `>` and quotes as references. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * The page `npm run dev` serves in place of every page of the report while the study
 * package has problems: the problem list as the build prints it, one line each, and
 * nothing of qualpress's own code. `viteClient` is the address of Vite's client script,
 * which reloads the page when the dev server reports a change, so the report comes back
 * by itself once the files are fixed.
 */
export function problemPage(lines: readonly string[], count: string, viteClient: string): string {
  const heading = `The report cannot be shown: ${count}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(heading)}</title>
<style>
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; }
h1 { font-size: 1.4rem; }
ul { padding: 0; list-style: none; }
li { margin: 0 0 0.5rem; padding: 0.5rem 0.75rem; border-left: 0.25rem solid #c5221f; background: color-mix(in srgb, currentColor 6%, transparent); }
code { font-family: ui-monospace, monospace; font-size: 0.95rem; white-space: pre-wrap; overflow-wrap: anywhere; }
</style>
<script type="module" src="${escapeHtml(viteClient)}"></script>
</head>
<body>
<main>
<h1>${escapeHtml(heading)}</h1>
<p>Fix these in the files named at the start of each line (<code>file:line:field</code>). This page shows the report again by itself as soon as there are none.</p>
<ul>
${lines.map((line) => `<li><code>${escapeHtml(line)}</code></li>`).join('\n')}
</ul>
</main>
</body>
</html>
`;
}
