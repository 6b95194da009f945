import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);
import {
  createVerifier,
  defaultVerifyCacheSettings,
  defaultVerifySettings
} from "./chunk-GYUPDJXB.js";
import "./chunk-CFVY2CGA.js";
import "./chunk-LQ33O2RG.js";
import "./chunk-NCL6JRMM.js";
import "./chunk-H6EUIU7K.js";
import "./chunk-RTMO72RN.js";
export {
  createVerifier,
  defaultVerifyCacheSettings,
  defaultVerifySettings
};
