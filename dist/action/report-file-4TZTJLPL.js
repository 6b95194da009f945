import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);
import {
  readBaseline,
  readReport,
  readReportFile
} from "./chunk-5YB4IQ77.js";
import "./chunk-YYL6ELOU.js";
import "./chunk-UTSW6RBZ.js";
import "./chunk-J2CR5QXN.js";
import "./chunk-H6EUIU7K.js";
import "./chunk-RTMO72RN.js";
export {
  readBaseline,
  readReport,
  readReportFile
};
