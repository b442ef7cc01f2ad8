// The engine's calendar arithmetic is the package's shared day numbering.
export { dayNumber, dayString, daysSince } from '../../shared/days';
