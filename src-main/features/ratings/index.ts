export { programRating, ratingOperations } from './operations';
