// Markdown → plain text, keeping one paragraph per line: headings, emphasis, links, images,
// code markers and inline HTML are reduced to their text. Nothing is ever rendered.

export function markdownToText(md: string): { text: string; title: string | null } {
  let title: string | null = null;
  const out: string[] = [];
  let inFence = false;
  let para: string[] = [];
  const flush = () => {
    if (para.length) out.push(inline(para.join(' ')));
    para = [];
  };
  for (const raw of md.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (/^\s*(```|~~~)/.test(line)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(line);
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      const text = inline(heading[2]);
      if (!title && heading[1].length === 1) title = text;
      out.push(text);
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flush();
      continue;
    }
    // reference definitions carry URLs only
    if (/^\s{0,3}\[[^\]]+\]:\s+\S+/.test(line)) continue;
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      flush();
      para.push(item[1]);
      continue;
    }
    para.push(line.replace(/^\s*>\s?/, '').trim());
  }
  flush();
  return { text: out.join('\n\n'), title };
}

function inline(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]{1,200}>/g, '')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>"])/g, '$1')
    .replace(/ {2,}/g, ' ')
    .trim();
}
