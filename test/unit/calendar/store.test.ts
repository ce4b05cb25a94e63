import { describe } from 'vitest';
import { memoryCalendarStore } from '../../../shared/calendar/memory-calendar.ts';
import { calendarStoreContract } from './store-contract.ts';

describe('CalendarStore contract (memory)', () => calendarStoreContract(() => memoryCalendarStore()));
