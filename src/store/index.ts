// The workspace API for the CLI and the HTTP server. See docs/evidence.md.
export {
  Workspace,
  documentId,
  openWorkspace,
  type PreparedText,
  type AuditEntry,
  type DocumentDetail,
  type DocumentSummary,
  type ImportResult,
  type Item,
  type ItemData,
  type ItemFilter,
  type ItemKind,
  type ItemStatus,
  type OpenOptions,
  type WritableState,
  type Scenario,
} from './workspace.ts';
export {
  BusyError,
  ConflictError,
  DiskFullError,
  InvalidInputError,
  NotFoundError,
  ReadOnlyError,
  RefusedError,
  SchemaError,
  WorkspaceError,
  isUnwritable,
  type WorkspaceErrorCode,
} from './errors.ts';
export { AuditQuery, CurateRequest, DeleteScenarioQuery, ImportBody, ItemEdit, ItemQuery, LinkTarget, ScenarioInput, ScenarioListQuery } from './inputs.ts';
export { exportAccepted, type ExportFile, type ExportResult } from './export.ts';
