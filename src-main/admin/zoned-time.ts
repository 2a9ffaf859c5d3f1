// The wall-clock rules live in src-shared so the screens interpret entered times exactly as the core does.
export { datesBetween, isValidLocale, isValidTimeZone, wallClock, zonedInstant } from '../../src-shared/zoned-time.ts';
