// The mark of a fact no source has confirmed yet (a membership date, a recognition, a source's date):
// a small badge whose title says why, so a reader knows which figures rest on a lead, not a fact.
export function Unverified({ reasons }: { reasons: readonly string[] | undefined }) {
  if (!reasons?.length) return null;
  return (
    <span class="unverified" title={reasons.join('\n')} data-testid="unverified">
      unverified
    </span>
  );
}
