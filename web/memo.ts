// A component that renders again only when one of its props changed (shallow comparison), for the many
// small parts of a page a driver toggle leaves as they were (map shapes, voters' rows). preact/compat's
// memo is not used: importing compat installs its React-compatibility hooks for the whole app.
import { Component, type ComponentChild, type FunctionComponent } from 'preact';

export function memo<P extends object>(render: (props: P) => ComponentChild): FunctionComponent<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return changed(this.props, next);
    }
    override render(props: P): ComponentChild {
      return render(props);
    }
  }
  (Memo as { displayName?: string }).displayName = `Memo(${render.name})`;
  return Memo as unknown as FunctionComponent<P>;
}

function changed<P extends object>(a: P, b: P): boolean {
  for (const k in a) if (a[k] !== b[k]) return true;
  for (const k in b) if (!(k in a)) return true;
  return false;
}
