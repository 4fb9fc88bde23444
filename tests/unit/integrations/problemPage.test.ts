import { describe, expect, it } from 'vitest';
import { escapeHtml, problemPage } from '../../../src/integrations/problemPage.ts';

describe('the problem page of npm run dev', () => {
  const lines = ['data/posts.csv:5:tone: expected a code of dimension tone (positive, negative); found "<script>alert(1)</script>" & more'];
  const html = problemPage(lines, '1 problem in the study package or its content', '/@vite/client');

  it('lists each problem line as text, never as markup', () => {
    expect(html).toContain(
      '<li><code>data/posts.csv:5:tone: expected a code of dimension tone (positive, negative); found &#34;&#60;script&#62;alert(1)&#60;/script&#62;&#34; &#38; more</code></li>',
    );
    expect(html).not.toContain('<script>alert');
  });

  it('is a page of its own, in English, with a title and a heading that count the problems', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<title>The report cannot be shown: 1 problem in the study package or its content</title>');
    expect(html).toContain('<h1>The report cannot be shown: 1 problem in the study package or its content</h1>');
  });

  it("loads Vite's client from the address given, so the page reloads when the files change", () => {
    expect(html).toContain('<script type="module" src="/@vite/client"></script>');
    expect(problemPage(lines, '1 problem', '/base path/@vite/client')).toContain('src="/base path/@vite/client"');
    expect(problemPage(lines, '1 problem', '/"><x>/@vite/client')).toContain('src="/&#34;&#62;&#60;x&#62;/@vite/client"');
  });

  it('escapes the five characters that matter in HTML text and attributes', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&#38;&#60;&#62;&#34;&#39;');
  });
});
