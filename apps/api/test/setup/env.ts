import 'reflect-metadata';
import { readState } from './test-database.js';

readState();
