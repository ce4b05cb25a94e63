import { calendarSource } from '../calendar/wiring.ts';
import { officeDirectory } from '../offices/wiring.ts';
import { systemClock } from '../platform/clock.ts';
import { containerSlot, runtimeConfig } from '../platform/runtime-config.ts';
import { dynamoTodoSources } from './dynamo-todos.ts';
import type { TodoPorts } from './ports.ts';

/** The production wiring of the to-do list, built once per container. */
const todoPortsKept = containerSlot<TodoPorts>();
export const todoPorts = (): TodoPorts =>
  todoPortsKept.get(() => ({
    sources: dynamoTodoSources(),
    offices: officeDirectory(),
    calendar: calendarSource(),
    clock: systemClock,
    // the county's limits, read when used (handlers keep these ports from their first call)
    get limits() {
      return runtimeConfig().phaseLimits;
    },
  }));
