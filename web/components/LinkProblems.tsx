// Explains what in a link could not be read, and what the page shows instead.
import type { LinkProblem } from '../../src/case/permalink.ts';

export function LinkProblems({ problems, onReset }: { problems: LinkProblem[]; onReset?: () => void }) {
  return (
    <div class="notice" role="alert" data-testid="link-problems">
      <p>
        <strong>Part of this link could not be read</strong>, so the page shows the defaults for it:
      </p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            <code>{p.path.join('.')}</code>: {p.message}
          </li>
        ))}
      </ul>
      {onReset && (
        <button type="button" class="button" onClick={onReset}>
          Clean up the link
        </button>
      )}
    </div>
  );
}
