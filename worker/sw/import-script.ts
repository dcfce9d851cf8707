/// <reference lib="webworker" />
import { flush } from '../delivery/flush.ts';
import { registerOutcomeSurveyHandlers } from './register-handlers.ts';

// Built as a classic script (dist/outcome-survey-sw-import.js) for a host worker's importScripts().
declare const self: ServiceWorkerGlobalScope & { OutcomeSurveySW?: unknown };

self.OutcomeSurveySW = { register: registerOutcomeSurveyHandlers, flush };
