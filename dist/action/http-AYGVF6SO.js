import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);
import {
  defaultMaxBodyBytes,
  fetchClient
} from "./chunk-NCL6JRMM.js";
import "./chunk-RTMO72RN.js";
export {
  defaultMaxBodyBytes,
  fetchClient
};
