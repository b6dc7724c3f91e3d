export { isLuhnValid, maskCardNumbers } from './card-numbers';
