/**
 * @postmock/core: a Postman collection becomes in-process mocks that answer like
 * `https://<mockId>.mock.pstmn.io`. Runs in Node and in browsers (no Node built-ins here; file
 * loading lives in `@postmock/core/node`).
 */

export { collectionKey } from './example-coverage/collection-key.js'
export { coverageMarkdown } from './example-coverage/markdown.js'
export { type CoverageInput, mergeCoverage } from './example-coverage/merge.js'
export { CoverageRecorder } from './example-coverage/recorder.js'
export { coverageTable } from './example-coverage/table.js'
export { checkCoverageThreshold, type ThresholdCheck } from './example-coverage/threshold.js'
export type {
  CoverageCollection,
  CoverageExample,
  CoverageOptions,
  CoverageReport,
  CoverageReporterOptions,
  UnservedExample,
} from './example-coverage/types.js'
export type {
  CallFilter,
  CallFilterFields,
  CandidateExplanation,
  ComparedAnswer,
  DelaySetting,
  ExampleInfo,
  Explanation,
  Fault,
  MockOverride,
  MockOverrideFields,
  PostmanAnswer,
  PostmanEnvironment,
  PostmanMock,
  PostmanMockOptions,
  RecordedCall,
  SequenceStep,
  TieBreak,
  VerifyDifference,
  VerifyDifferenceKind,
  VerifyOptions,
  VerifyResult,
} from './glossary.js'
export type { PostmockErrorCode, PostmockWarning } from './messages.js'
export { formatMessage, PostmockError, postmockError } from './messages.js'
export type { PostmanMockServerConfig, PostmockConfig, PostmockConfigMock } from './mock/config.js'
export { isPostmockConfig } from './mock/config.js'
export { createPostmanMock } from './mock/create-postman-mock.js'
export { unservedReport } from './mock/explain.js'
export { MockScope, problemsError } from './mock/mock-scope.js'
export { mockIdOf } from './mock/origins.js'
export { forwardedHeaders } from './record/forwarded-headers.js'
export type { JsonLayout } from './record/json-format.js'
export { formatJson, jsonLayoutOf } from './record/json-format.js'
export { recordExamples } from './record/record-examples.js'
export { RecordedAnswers } from './record/recorded-answers.js'
export type {
  RecordingChoice,
  RecordingOptions,
  RecordMode,
  RecordTarget,
} from './record/recording-settings.js'
export {
  noRecordTargetError,
  RECORD_ENV,
  readRecordingOptions,
  readRecordMode,
  readRedactOption,
  readTargetUrl,
  recordingDecision,
  recordTargetOf,
} from './record/recording-settings.js'
export { REDACTED } from './record/redact.js'
export type {
  RecordChange,
  RecordedExchange,
  RecordedHeaders,
  RecordOptions,
  RecordResult,
  RedactOptions,
} from './record/types.js'
export { DYNAMIC_VARIABLE_NAMES } from './render/dynamic-variable-names.js'
export { faultOf } from './render/fault.js'
export type { ExampleCode, ExampleName, RequestItemName, RequestName } from './typed-names.js'
export type { ExampleAnswer, RealAnswer } from './verify/compare-answer.js'
export { compareAnswer } from './verify/compare-answer.js'
export { contentFamily } from './verify/content-family.js'
export type { ExamplesToVerifyOptions, ExampleToVerify, SavedRequest } from './verify/examples-to-verify.js'
export { examplesToVerify } from './verify/examples-to-verify.js'
