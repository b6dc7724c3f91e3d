export { isLuhnValid, maskCardNumbers } from './card-numbers';
export {
  MASKING_PATTERN_MAX_LENGTH,
  MASKING_PATTERNS_MAX_COUNT,
  maskingPatternProblem,
} from './masking-patterns';
export { createTextMasker, type TextMasker } from './text-masker';
export { WorkspaceMaskers, type LoadMaskingPatterns } from './workspace-maskers';
