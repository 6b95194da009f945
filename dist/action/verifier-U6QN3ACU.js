import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);
import {
  createVerifier,
  defaultVerifyCacheSettings,
  defaultVerifySettings
} from "./chunk-TFREMTRH.js";
import "./chunk-XJX3ZWTN.js";
import "./chunk-NCL6JRMM.js";
import "./chunk-H6EUIU7K.js";
import "./chunk-RTMO72RN.js";
export {
  createVerifier,
  defaultVerifyCacheSettings,
  defaultVerifySettings
};
