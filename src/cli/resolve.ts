// Turns user-typed names into model objects, or a clear error.
import type { Indexed } from '../model/dataset.ts';
import type { CaseData } from '../model/schema.ts';
import { CliError } from './context.ts';

export function resolveCase(ix: Indexed, candidate: string, organization: string): CaseData {
  const code = candidate.toUpperCase();
  if (!ix.state(code)) throw new CliError(`unknown candidate "${candidate}": expected a state code such as XK`);
  const org = organization.toLowerCase();
  if (!ix.organization(org)) {
    throw new CliError(`unknown organization "${organization}": expected one of ${ix.data.organizations.map((o) => o.id).join(', ')}`);
  }
  const c = ix.case(code, org);
  if (!c) {
    const known = ix.data.cases.map((x) => `${x.candidate} ${x.organization}`).join(', ');
    throw new CliError(`no case for ${code} × ${org} in the dataset: known cases are ${known}`);
  }
  return c;
}

export function checkDrivers(c: CaseData, set: Record<string, boolean>): void {
  for (const id of Object.keys(set)) {
    if (!c.drivers.some((d) => d.id === id)) {
      throw new CliError(`unknown driver "${id}" for ${c.candidate} × ${c.organization}: expected one of ${c.drivers.map((d) => d.id).join(', ') || '(none)'}`);
    }
  }
}
