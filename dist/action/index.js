import { createRequire as __keywardenRequire } from 'node:module'; const require = __keywardenRequire(import.meta.url);
import {
  builtinRulesDir,
  compileRules,
  readRuleCache
} from "./chunk-Q5EW37LM.js";
import {
  countByStatus,
  describeOutcome,
  distinctFiles,
  escalationOf,
  fakeAdvice,
  isVerified,
  placeOf,
  plainText,
  printable,
  statusOf,
  statusSummary,
  suppressHint,
  toReportFinding,
  verificationOf,
  withoutBidi
} from "./chunk-5YB4IQ77.js";
import {
  severities,
  verificationStatuses
} from "./chunk-YYL6ELOU.js";
import "./chunk-UTSW6RBZ.js";
import {
  createPinnedClient,
  isLoopback,
  refusal
} from "./chunk-XJX3ZWTN.js";
import {
  fetchClient
} from "./chunk-NCL6JRMM.js";
import {
  blobAt,
  gitChunks,
  gitEnv,
  gitError,
  gitLines,
  gitOutput,
  stableConfig
} from "./chunk-IY7ZNF5M.js";
import {
  containsInlineAllow,
  decodeText,
  isBase64Byte,
  isUtf16,
  sniffText,
  utf16Length,
  utf8Of
} from "./chunk-J2CR5QXN.js";
import {
  ExitCode,
  KeywardenError,
  UsageError
} from "./chunk-H6EUIU7K.js";
import {
  __commonJS,
  __toESM
} from "./chunk-RTMO72RN.js";

// node_modules/bottleneck/light.js
var require_light = __commonJS({
  "node_modules/bottleneck/light.js"(exports, module) {
    (function(global2, factory) {
      typeof exports === "object" && typeof module !== "undefined" ? module.exports = factory() : typeof define === "function" && define.amd ? define(factory) : global2.Bottleneck = factory();
    })(exports, (function() {
      "use strict";
      var commonjsGlobal = typeof globalThis !== "undefined" ? globalThis : typeof window !== "undefined" ? window : typeof global !== "undefined" ? global : typeof self !== "undefined" ? self : {};
      function getCjsExportFromNamespace(n) {
        return n && n["default"] || n;
      }
      var load = function(received, defaults, onto = {}) {
        var k, ref, v;
        for (k in defaults) {
          v = defaults[k];
          onto[k] = (ref = received[k]) != null ? ref : v;
        }
        return onto;
      };
      var overwrite = function(received, defaults, onto = {}) {
        var k, v;
        for (k in received) {
          v = received[k];
          if (defaults[k] !== void 0) {
            onto[k] = v;
          }
        }
        return onto;
      };
      var parser = {
        load,
        overwrite
      };
      var DLList;
      DLList = class DLList {
        constructor(incr, decr) {
          this.incr = incr;
          this.decr = decr;
          this._first = null;
          this._last = null;
          this.length = 0;
        }
        push(value) {
          var node;
          this.length++;
          if (typeof this.incr === "function") {
            this.incr();
          }
          node = {
            value,
            prev: this._last,
            next: null
          };
          if (this._last != null) {
            this._last.next = node;
            this._last = node;
          } else {
            this._first = this._last = node;
          }
          return void 0;
        }
        shift() {
          var value;
          if (this._first == null) {
            return;
          } else {
            this.length--;
            if (typeof this.decr === "function") {
              this.decr();
            }
          }
          value = this._first.value;
          if ((this._first = this._first.next) != null) {
            this._first.prev = null;
          } else {
            this._last = null;
          }
          return value;
        }
        first() {
          if (this._first != null) {
            return this._first.value;
          }
        }
        getArray() {
          var node, ref, results;
          node = this._first;
          results = [];
          while (node != null) {
            results.push((ref = node, node = node.next, ref.value));
          }
          return results;
        }
        forEachShift(cb) {
          var node;
          node = this.shift();
          while (node != null) {
            cb(node), node = this.shift();
          }
          return void 0;
        }
        debug() {
          var node, ref, ref1, ref2, results;
          node = this._first;
          results = [];
          while (node != null) {
            results.push((ref = node, node = node.next, {
              value: ref.value,
              prev: (ref1 = ref.prev) != null ? ref1.value : void 0,
              next: (ref2 = ref.next) != null ? ref2.value : void 0
            }));
          }
          return results;
        }
      };
      var DLList_1 = DLList;
      var Events;
      Events = class Events {
        constructor(instance) {
          this.instance = instance;
          this._events = {};
          if (this.instance.on != null || this.instance.once != null || this.instance.removeAllListeners != null) {
            throw new Error("An Emitter already exists for this object");
          }
          this.instance.on = (name, cb) => {
            return this._addListener(name, "many", cb);
          };
          this.instance.once = (name, cb) => {
            return this._addListener(name, "once", cb);
          };
          this.instance.removeAllListeners = (name = null) => {
            if (name != null) {
              return delete this._events[name];
            } else {
              return this._events = {};
            }
          };
        }
        _addListener(name, status, cb) {
          var base;
          if ((base = this._events)[name] == null) {
            base[name] = [];
          }
          this._events[name].push({ cb, status });
          return this.instance;
        }
        listenerCount(name) {
          if (this._events[name] != null) {
            return this._events[name].length;
          } else {
            return 0;
          }
        }
        async trigger(name, ...args) {
          var e, promises3;
          try {
            if (name !== "debug") {
              this.trigger("debug", `Event triggered: ${name}`, args);
            }
            if (this._events[name] == null) {
              return;
            }
            this._events[name] = this._events[name].filter(function(listener) {
              return listener.status !== "none";
            });
            promises3 = this._events[name].map(async (listener) => {
              var e2, returned;
              if (listener.status === "none") {
                return;
              }
              if (listener.status === "once") {
                listener.status = "none";
              }
              try {
                returned = typeof listener.cb === "function" ? listener.cb(...args) : void 0;
                if (typeof (returned != null ? returned.then : void 0) === "function") {
                  return await returned;
                } else {
                  return returned;
                }
              } catch (error2) {
                e2 = error2;
                {
                  this.trigger("error", e2);
                }
                return null;
              }
            });
            return (await Promise.all(promises3)).find(function(x) {
              return x != null;
            });
          } catch (error2) {
            e = error2;
            {
              this.trigger("error", e);
            }
            return null;
          }
        }
      };
      var Events_1 = Events;
      var DLList$1, Events$1, Queues;
      DLList$1 = DLList_1;
      Events$1 = Events_1;
      Queues = class Queues {
        constructor(num_priorities) {
          var i;
          this.Events = new Events$1(this);
          this._length = 0;
          this._lists = (function() {
            var j, ref, results;
            results = [];
            for (i = j = 1, ref = num_priorities; 1 <= ref ? j <= ref : j >= ref; i = 1 <= ref ? ++j : --j) {
              results.push(new DLList$1((() => {
                return this.incr();
              }), (() => {
                return this.decr();
              })));
            }
            return results;
          }).call(this);
        }
        incr() {
          if (this._length++ === 0) {
            return this.Events.trigger("leftzero");
          }
        }
        decr() {
          if (--this._length === 0) {
            return this.Events.trigger("zero");
          }
        }
        push(job) {
          return this._lists[job.options.priority].push(job);
        }
        queued(priority) {
          if (priority != null) {
            return this._lists[priority].length;
          } else {
            return this._length;
          }
        }
        shiftAll(fn) {
          return this._lists.forEach(function(list2) {
            return list2.forEachShift(fn);
          });
        }
        getFirst(arr = this._lists) {
          var j, len, list2;
          for (j = 0, len = arr.length; j < len; j++) {
            list2 = arr[j];
            if (list2.length > 0) {
              return list2;
            }
          }
          return [];
        }
        shiftLastFrom(priority) {
          return this.getFirst(this._lists.slice(priority).reverse()).shift();
        }
      };
      var Queues_1 = Queues;
      var BottleneckError;
      BottleneckError = class BottleneckError extends Error {
      };
      var BottleneckError_1 = BottleneckError;
      var BottleneckError$1, DEFAULT_PRIORITY, Job, NUM_PRIORITIES, parser$1;
      NUM_PRIORITIES = 10;
      DEFAULT_PRIORITY = 5;
      parser$1 = parser;
      BottleneckError$1 = BottleneckError_1;
      Job = class Job {
        constructor(task, args, options, jobDefaults, rejectOnDrop, Events2, _states, Promise2) {
          this.task = task;
          this.args = args;
          this.rejectOnDrop = rejectOnDrop;
          this.Events = Events2;
          this._states = _states;
          this.Promise = Promise2;
          this.options = parser$1.load(options, jobDefaults);
          this.options.priority = this._sanitizePriority(this.options.priority);
          if (this.options.id === jobDefaults.id) {
            this.options.id = `${this.options.id}-${this._randomIndex()}`;
          }
          this.promise = new this.Promise((_resolve, _reject) => {
            this._resolve = _resolve;
            this._reject = _reject;
          });
          this.retryCount = 0;
        }
        _sanitizePriority(priority) {
          var sProperty;
          sProperty = ~~priority !== priority ? DEFAULT_PRIORITY : priority;
          if (sProperty < 0) {
            return 0;
          } else if (sProperty > NUM_PRIORITIES - 1) {
            return NUM_PRIORITIES - 1;
          } else {
            return sProperty;
          }
        }
        _randomIndex() {
          return Math.random().toString(36).slice(2);
        }
        doDrop({ error: error2, message = "This job has been dropped by Bottleneck" } = {}) {
          if (this._states.remove(this.options.id)) {
            if (this.rejectOnDrop) {
              this._reject(error2 != null ? error2 : new BottleneckError$1(message));
            }
            this.Events.trigger("dropped", { args: this.args, options: this.options, task: this.task, promise: this.promise });
            return true;
          } else {
            return false;
          }
        }
        _assertStatus(expected) {
          var status;
          status = this._states.jobStatus(this.options.id);
          if (!(status === expected || expected === "DONE" && status === null)) {
            throw new BottleneckError$1(`Invalid job status ${status}, expected ${expected}. Please open an issue at https://github.com/SGrondin/bottleneck/issues`);
          }
        }
        doReceive() {
          this._states.start(this.options.id);
          return this.Events.trigger("received", { args: this.args, options: this.options });
        }
        doQueue(reachedHWM, blocked) {
          this._assertStatus("RECEIVED");
          this._states.next(this.options.id);
          return this.Events.trigger("queued", { args: this.args, options: this.options, reachedHWM, blocked });
        }
        doRun() {
          if (this.retryCount === 0) {
            this._assertStatus("QUEUED");
            this._states.next(this.options.id);
          } else {
            this._assertStatus("EXECUTING");
          }
          return this.Events.trigger("scheduled", { args: this.args, options: this.options });
        }
        async doExecute(chained, clearGlobalState, run, free) {
          var error2, eventInfo, passed;
          if (this.retryCount === 0) {
            this._assertStatus("RUNNING");
            this._states.next(this.options.id);
          } else {
            this._assertStatus("EXECUTING");
          }
          eventInfo = { args: this.args, options: this.options, retryCount: this.retryCount };
          this.Events.trigger("executing", eventInfo);
          try {
            passed = await (chained != null ? chained.schedule(this.options, this.task, ...this.args) : this.task(...this.args));
            if (clearGlobalState()) {
              this.doDone(eventInfo);
              await free(this.options, eventInfo);
              this._assertStatus("DONE");
              return this._resolve(passed);
            }
          } catch (error1) {
            error2 = error1;
            return this._onFailure(error2, eventInfo, clearGlobalState, run, free);
          }
        }
        doExpire(clearGlobalState, run, free) {
          var error2, eventInfo;
          if (this._states.jobStatus(this.options.id === "RUNNING")) {
            this._states.next(this.options.id);
          }
          this._assertStatus("EXECUTING");
          eventInfo = { args: this.args, options: this.options, retryCount: this.retryCount };
          error2 = new BottleneckError$1(`This job timed out after ${this.options.expiration} ms.`);
          return this._onFailure(error2, eventInfo, clearGlobalState, run, free);
        }
        async _onFailure(error2, eventInfo, clearGlobalState, run, free) {
          var retry2, retryAfter;
          if (clearGlobalState()) {
            retry2 = await this.Events.trigger("failed", error2, eventInfo);
            if (retry2 != null) {
              retryAfter = ~~retry2;
              this.Events.trigger("retry", `Retrying ${this.options.id} after ${retryAfter} ms`, eventInfo);
              this.retryCount++;
              return run(retryAfter);
            } else {
              this.doDone(eventInfo);
              await free(this.options, eventInfo);
              this._assertStatus("DONE");
              return this._reject(error2);
            }
          }
        }
        doDone(eventInfo) {
          this._assertStatus("EXECUTING");
          this._states.next(this.options.id);
          return this.Events.trigger("done", eventInfo);
        }
      };
      var Job_1 = Job;
      var BottleneckError$2, LocalDatastore, parser$2;
      parser$2 = parser;
      BottleneckError$2 = BottleneckError_1;
      LocalDatastore = class LocalDatastore {
        constructor(instance, storeOptions, storeInstanceOptions) {
          this.instance = instance;
          this.storeOptions = storeOptions;
          this.clientId = this.instance._randomIndex();
          parser$2.load(storeInstanceOptions, storeInstanceOptions, this);
          this._nextRequest = this._lastReservoirRefresh = this._lastReservoirIncrease = Date.now();
          this._running = 0;
          this._done = 0;
          this._unblockTime = 0;
          this.ready = this.Promise.resolve();
          this.clients = {};
          this._startHeartbeat();
        }
        _startHeartbeat() {
          var base;
          if (this.heartbeat == null && (this.storeOptions.reservoirRefreshInterval != null && this.storeOptions.reservoirRefreshAmount != null || this.storeOptions.reservoirIncreaseInterval != null && this.storeOptions.reservoirIncreaseAmount != null)) {
            return typeof (base = this.heartbeat = setInterval(() => {
              var amount, incr, maximum, now, reservoir;
              now = Date.now();
              if (this.storeOptions.reservoirRefreshInterval != null && now >= this._lastReservoirRefresh + this.storeOptions.reservoirRefreshInterval) {
                this._lastReservoirRefresh = now;
                this.storeOptions.reservoir = this.storeOptions.reservoirRefreshAmount;
                this.instance._drainAll(this.computeCapacity());
              }
              if (this.storeOptions.reservoirIncreaseInterval != null && now >= this._lastReservoirIncrease + this.storeOptions.reservoirIncreaseInterval) {
                ({
                  reservoirIncreaseAmount: amount,
                  reservoirIncreaseMaximum: maximum,
                  reservoir
                } = this.storeOptions);
                this._lastReservoirIncrease = now;
                incr = maximum != null ? Math.min(amount, maximum - reservoir) : amount;
                if (incr > 0) {
                  this.storeOptions.reservoir += incr;
                  return this.instance._drainAll(this.computeCapacity());
                }
              }
            }, this.heartbeatInterval)).unref === "function" ? base.unref() : void 0;
          } else {
            return clearInterval(this.heartbeat);
          }
        }
        async __publish__(message) {
          await this.yieldLoop();
          return this.instance.Events.trigger("message", message.toString());
        }
        async __disconnect__(flush) {
          await this.yieldLoop();
          clearInterval(this.heartbeat);
          return this.Promise.resolve();
        }
        yieldLoop(t = 0) {
          return new this.Promise(function(resolve4, reject) {
            return setTimeout(resolve4, t);
          });
        }
        computePenalty() {
          var ref;
          return (ref = this.storeOptions.penalty) != null ? ref : 15 * this.storeOptions.minTime || 5e3;
        }
        async __updateSettings__(options) {
          await this.yieldLoop();
          parser$2.overwrite(options, options, this.storeOptions);
          this._startHeartbeat();
          this.instance._drainAll(this.computeCapacity());
          return true;
        }
        async __running__() {
          await this.yieldLoop();
          return this._running;
        }
        async __queued__() {
          await this.yieldLoop();
          return this.instance.queued();
        }
        async __done__() {
          await this.yieldLoop();
          return this._done;
        }
        async __groupCheck__(time) {
          await this.yieldLoop();
          return this._nextRequest + this.timeout < time;
        }
        computeCapacity() {
          var maxConcurrent, reservoir;
          ({ maxConcurrent, reservoir } = this.storeOptions);
          if (maxConcurrent != null && reservoir != null) {
            return Math.min(maxConcurrent - this._running, reservoir);
          } else if (maxConcurrent != null) {
            return maxConcurrent - this._running;
          } else if (reservoir != null) {
            return reservoir;
          } else {
            return null;
          }
        }
        conditionsCheck(weight) {
          var capacity;
          capacity = this.computeCapacity();
          return capacity == null || weight <= capacity;
        }
        async __incrementReservoir__(incr) {
          var reservoir;
          await this.yieldLoop();
          reservoir = this.storeOptions.reservoir += incr;
          this.instance._drainAll(this.computeCapacity());
          return reservoir;
        }
        async __currentReservoir__() {
          await this.yieldLoop();
          return this.storeOptions.reservoir;
        }
        isBlocked(now) {
          return this._unblockTime >= now;
        }
        check(weight, now) {
          return this.conditionsCheck(weight) && this._nextRequest - now <= 0;
        }
        async __check__(weight) {
          var now;
          await this.yieldLoop();
          now = Date.now();
          return this.check(weight, now);
        }
        async __register__(index, weight, expiration) {
          var now, wait;
          await this.yieldLoop();
          now = Date.now();
          if (this.conditionsCheck(weight)) {
            this._running += weight;
            if (this.storeOptions.reservoir != null) {
              this.storeOptions.reservoir -= weight;
            }
            wait = Math.max(this._nextRequest - now, 0);
            this._nextRequest = now + wait + this.storeOptions.minTime;
            return {
              success: true,
              wait,
              reservoir: this.storeOptions.reservoir
            };
          } else {
            return {
              success: false
            };
          }
        }
        strategyIsBlock() {
          return this.storeOptions.strategy === 3;
        }
        async __submit__(queueLength, weight) {
          var blocked, now, reachedHWM;
          await this.yieldLoop();
          if (this.storeOptions.maxConcurrent != null && weight > this.storeOptions.maxConcurrent) {
            throw new BottleneckError$2(`Impossible to add a job having a weight of ${weight} to a limiter having a maxConcurrent setting of ${this.storeOptions.maxConcurrent}`);
          }
          now = Date.now();
          reachedHWM = this.storeOptions.highWater != null && queueLength === this.storeOptions.highWater && !this.check(weight, now);
          blocked = this.strategyIsBlock() && (reachedHWM || this.isBlocked(now));
          if (blocked) {
            this._unblockTime = now + this.computePenalty();
            this._nextRequest = this._unblockTime + this.storeOptions.minTime;
            this.instance._dropAllQueued();
          }
          return {
            reachedHWM,
            blocked,
            strategy: this.storeOptions.strategy
          };
        }
        async __free__(index, weight) {
          await this.yieldLoop();
          this._running -= weight;
          this._done += weight;
          this.instance._drainAll(this.computeCapacity());
          return {
            running: this._running
          };
        }
      };
      var LocalDatastore_1 = LocalDatastore;
      var BottleneckError$3, States;
      BottleneckError$3 = BottleneckError_1;
      States = class States {
        constructor(status1) {
          this.status = status1;
          this._jobs = {};
          this.counts = this.status.map(function() {
            return 0;
          });
        }
        next(id) {
          var current, next;
          current = this._jobs[id];
          next = current + 1;
          if (current != null && next < this.status.length) {
            this.counts[current]--;
            this.counts[next]++;
            return this._jobs[id]++;
          } else if (current != null) {
            this.counts[current]--;
            return delete this._jobs[id];
          }
        }
        start(id) {
          var initial;
          initial = 0;
          this._jobs[id] = initial;
          return this.counts[initial]++;
        }
        remove(id) {
          var current;
          current = this._jobs[id];
          if (current != null) {
            this.counts[current]--;
            delete this._jobs[id];
          }
          return current != null;
        }
        jobStatus(id) {
          var ref;
          return (ref = this.status[this._jobs[id]]) != null ? ref : null;
        }
        statusJobs(status) {
          var k, pos, ref, results, v;
          if (status != null) {
            pos = this.status.indexOf(status);
            if (pos < 0) {
              throw new BottleneckError$3(`status must be one of ${this.status.join(", ")}`);
            }
            ref = this._jobs;
            results = [];
            for (k in ref) {
              v = ref[k];
              if (v === pos) {
                results.push(k);
              }
            }
            return results;
          } else {
            return Object.keys(this._jobs);
          }
        }
        statusCounts() {
          return this.counts.reduce(((acc, v, i) => {
            acc[this.status[i]] = v;
            return acc;
          }), {});
        }
      };
      var States_1 = States;
      var DLList$2, Sync;
      DLList$2 = DLList_1;
      Sync = class Sync {
        constructor(name, Promise2) {
          this.schedule = this.schedule.bind(this);
          this.name = name;
          this.Promise = Promise2;
          this._running = 0;
          this._queue = new DLList$2();
        }
        isEmpty() {
          return this._queue.length === 0;
        }
        async _tryToRun() {
          var args, cb, error2, reject, resolve4, returned, task;
          if (this._running < 1 && this._queue.length > 0) {
            this._running++;
            ({ task, args, resolve: resolve4, reject } = this._queue.shift());
            cb = await (async function() {
              try {
                returned = await task(...args);
                return function() {
                  return resolve4(returned);
                };
              } catch (error1) {
                error2 = error1;
                return function() {
                  return reject(error2);
                };
              }
            })();
            this._running--;
            this._tryToRun();
            return cb();
          }
        }
        schedule(task, ...args) {
          var promise, reject, resolve4;
          resolve4 = reject = null;
          promise = new this.Promise(function(_resolve, _reject) {
            resolve4 = _resolve;
            return reject = _reject;
          });
          this._queue.push({ task, args, resolve: resolve4, reject });
          this._tryToRun();
          return promise;
        }
      };
      var Sync_1 = Sync;
      var version = "2.19.5";
      var version$1 = {
        version
      };
      var version$2 = /* @__PURE__ */ Object.freeze({
        version,
        default: version$1
      });
      var require$$2 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var require$$3 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var require$$4 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var Events$2, Group, IORedisConnection$1, RedisConnection$1, Scripts$1, parser$3;
      parser$3 = parser;
      Events$2 = Events_1;
      RedisConnection$1 = require$$2;
      IORedisConnection$1 = require$$3;
      Scripts$1 = require$$4;
      Group = (function() {
        class Group2 {
          constructor(limiterOptions = {}) {
            this.deleteKey = this.deleteKey.bind(this);
            this.limiterOptions = limiterOptions;
            parser$3.load(this.limiterOptions, this.defaults, this);
            this.Events = new Events$2(this);
            this.instances = {};
            this.Bottleneck = Bottleneck_1;
            this._startAutoCleanup();
            this.sharedConnection = this.connection != null;
            if (this.connection == null) {
              if (this.limiterOptions.datastore === "redis") {
                this.connection = new RedisConnection$1(Object.assign({}, this.limiterOptions, { Events: this.Events }));
              } else if (this.limiterOptions.datastore === "ioredis") {
                this.connection = new IORedisConnection$1(Object.assign({}, this.limiterOptions, { Events: this.Events }));
              }
            }
          }
          key(key = "") {
            var ref;
            return (ref = this.instances[key]) != null ? ref : (() => {
              var limiter;
              limiter = this.instances[key] = new this.Bottleneck(Object.assign(this.limiterOptions, {
                id: `${this.id}-${key}`,
                timeout: this.timeout,
                connection: this.connection
              }));
              this.Events.trigger("created", limiter, key);
              return limiter;
            })();
          }
          async deleteKey(key = "") {
            var deleted, instance;
            instance = this.instances[key];
            if (this.connection) {
              deleted = await this.connection.__runCommand__(["del", ...Scripts$1.allKeys(`${this.id}-${key}`)]);
            }
            if (instance != null) {
              delete this.instances[key];
              await instance.disconnect();
            }
            return instance != null || deleted > 0;
          }
          limiters() {
            var k, ref, results, v;
            ref = this.instances;
            results = [];
            for (k in ref) {
              v = ref[k];
              results.push({
                key: k,
                limiter: v
              });
            }
            return results;
          }
          keys() {
            return Object.keys(this.instances);
          }
          async clusterKeys() {
            var cursor, end, found, i, k, keys, len, next, start;
            if (this.connection == null) {
              return this.Promise.resolve(this.keys());
            }
            keys = [];
            cursor = null;
            start = `b_${this.id}-`.length;
            end = "_settings".length;
            while (cursor !== 0) {
              [next, found] = await this.connection.__runCommand__(["scan", cursor != null ? cursor : 0, "match", `b_${this.id}-*_settings`, "count", 1e4]);
              cursor = ~~next;
              for (i = 0, len = found.length; i < len; i++) {
                k = found[i];
                keys.push(k.slice(start, -end));
              }
            }
            return keys;
          }
          _startAutoCleanup() {
            var base;
            clearInterval(this.interval);
            return typeof (base = this.interval = setInterval(async () => {
              var e, k, ref, results, time, v;
              time = Date.now();
              ref = this.instances;
              results = [];
              for (k in ref) {
                v = ref[k];
                try {
                  if (await v._store.__groupCheck__(time)) {
                    results.push(this.deleteKey(k));
                  } else {
                    results.push(void 0);
                  }
                } catch (error2) {
                  e = error2;
                  results.push(v.Events.trigger("error", e));
                }
              }
              return results;
            }, this.timeout / 2)).unref === "function" ? base.unref() : void 0;
          }
          updateSettings(options = {}) {
            parser$3.overwrite(options, this.defaults, this);
            parser$3.overwrite(options, options, this.limiterOptions);
            if (options.timeout != null) {
              return this._startAutoCleanup();
            }
          }
          disconnect(flush = true) {
            var ref;
            if (!this.sharedConnection) {
              return (ref = this.connection) != null ? ref.disconnect(flush) : void 0;
            }
          }
        }
        Group2.prototype.defaults = {
          timeout: 1e3 * 60 * 5,
          connection: null,
          Promise,
          id: "group-key"
        };
        return Group2;
      }).call(commonjsGlobal);
      var Group_1 = Group;
      var Batcher, Events$3, parser$4;
      parser$4 = parser;
      Events$3 = Events_1;
      Batcher = (function() {
        class Batcher2 {
          constructor(options = {}) {
            this.options = options;
            parser$4.load(this.options, this.defaults, this);
            this.Events = new Events$3(this);
            this._arr = [];
            this._resetPromise();
            this._lastFlush = Date.now();
          }
          _resetPromise() {
            return this._promise = new this.Promise((res, rej) => {
              return this._resolve = res;
            });
          }
          _flush() {
            clearTimeout(this._timeout);
            this._lastFlush = Date.now();
            this._resolve();
            this.Events.trigger("batch", this._arr);
            this._arr = [];
            return this._resetPromise();
          }
          add(data) {
            var ret;
            this._arr.push(data);
            ret = this._promise;
            if (this._arr.length === this.maxSize) {
              this._flush();
            } else if (this.maxTime != null && this._arr.length === 1) {
              this._timeout = setTimeout(() => {
                return this._flush();
              }, this.maxTime);
            }
            return ret;
          }
        }
        Batcher2.prototype.defaults = {
          maxTime: null,
          maxSize: null,
          Promise
        };
        return Batcher2;
      }).call(commonjsGlobal);
      var Batcher_1 = Batcher;
      var require$$4$1 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var require$$8 = getCjsExportFromNamespace(version$2);
      var Bottleneck2, DEFAULT_PRIORITY$1, Events$4, Job$1, LocalDatastore$1, NUM_PRIORITIES$1, Queues$1, RedisDatastore$1, States$1, Sync$1, parser$5, splice = [].splice;
      NUM_PRIORITIES$1 = 10;
      DEFAULT_PRIORITY$1 = 5;
      parser$5 = parser;
      Queues$1 = Queues_1;
      Job$1 = Job_1;
      LocalDatastore$1 = LocalDatastore_1;
      RedisDatastore$1 = require$$4$1;
      Events$4 = Events_1;
      States$1 = States_1;
      Sync$1 = Sync_1;
      Bottleneck2 = (function() {
        class Bottleneck3 {
          constructor(options = {}, ...invalid) {
            var storeInstanceOptions, storeOptions;
            this._addToQueue = this._addToQueue.bind(this);
            this._validateOptions(options, invalid);
            parser$5.load(options, this.instanceDefaults, this);
            this._queues = new Queues$1(NUM_PRIORITIES$1);
            this._scheduled = {};
            this._states = new States$1(["RECEIVED", "QUEUED", "RUNNING", "EXECUTING"].concat(this.trackDoneStatus ? ["DONE"] : []));
            this._limiter = null;
            this.Events = new Events$4(this);
            this._submitLock = new Sync$1("submit", this.Promise);
            this._registerLock = new Sync$1("register", this.Promise);
            storeOptions = parser$5.load(options, this.storeDefaults, {});
            this._store = (function() {
              if (this.datastore === "redis" || this.datastore === "ioredis" || this.connection != null) {
                storeInstanceOptions = parser$5.load(options, this.redisStoreDefaults, {});
                return new RedisDatastore$1(this, storeOptions, storeInstanceOptions);
              } else if (this.datastore === "local") {
                storeInstanceOptions = parser$5.load(options, this.localStoreDefaults, {});
                return new LocalDatastore$1(this, storeOptions, storeInstanceOptions);
              } else {
                throw new Bottleneck3.prototype.BottleneckError(`Invalid datastore type: ${this.datastore}`);
              }
            }).call(this);
            this._queues.on("leftzero", () => {
              var ref;
              return (ref = this._store.heartbeat) != null ? typeof ref.ref === "function" ? ref.ref() : void 0 : void 0;
            });
            this._queues.on("zero", () => {
              var ref;
              return (ref = this._store.heartbeat) != null ? typeof ref.unref === "function" ? ref.unref() : void 0 : void 0;
            });
          }
          _validateOptions(options, invalid) {
            if (!(options != null && typeof options === "object" && invalid.length === 0)) {
              throw new Bottleneck3.prototype.BottleneckError("Bottleneck v2 takes a single object argument. Refer to https://github.com/SGrondin/bottleneck#upgrading-to-v2 if you're upgrading from Bottleneck v1.");
            }
          }
          ready() {
            return this._store.ready;
          }
          clients() {
            return this._store.clients;
          }
          channel() {
            return `b_${this.id}`;
          }
          channel_client() {
            return `b_${this.id}_${this._store.clientId}`;
          }
          publish(message) {
            return this._store.__publish__(message);
          }
          disconnect(flush = true) {
            return this._store.__disconnect__(flush);
          }
          chain(_limiter) {
            this._limiter = _limiter;
            return this;
          }
          queued(priority) {
            return this._queues.queued(priority);
          }
          clusterQueued() {
            return this._store.__queued__();
          }
          empty() {
            return this.queued() === 0 && this._submitLock.isEmpty();
          }
          running() {
            return this._store.__running__();
          }
          done() {
            return this._store.__done__();
          }
          jobStatus(id) {
            return this._states.jobStatus(id);
          }
          jobs(status) {
            return this._states.statusJobs(status);
          }
          counts() {
            return this._states.statusCounts();
          }
          _randomIndex() {
            return Math.random().toString(36).slice(2);
          }
          check(weight = 1) {
            return this._store.__check__(weight);
          }
          _clearGlobalState(index) {
            if (this._scheduled[index] != null) {
              clearTimeout(this._scheduled[index].expiration);
              delete this._scheduled[index];
              return true;
            } else {
              return false;
            }
          }
          async _free(index, job, options, eventInfo) {
            var e, running;
            try {
              ({ running } = await this._store.__free__(index, options.weight));
              this.Events.trigger("debug", `Freed ${options.id}`, eventInfo);
              if (running === 0 && this.empty()) {
                return this.Events.trigger("idle");
              }
            } catch (error1) {
              e = error1;
              return this.Events.trigger("error", e);
            }
          }
          _run(index, job, wait) {
            var clearGlobalState, free, run;
            job.doRun();
            clearGlobalState = this._clearGlobalState.bind(this, index);
            run = this._run.bind(this, index, job);
            free = this._free.bind(this, index, job);
            return this._scheduled[index] = {
              timeout: setTimeout(() => {
                return job.doExecute(this._limiter, clearGlobalState, run, free);
              }, wait),
              expiration: job.options.expiration != null ? setTimeout(function() {
                return job.doExpire(clearGlobalState, run, free);
              }, wait + job.options.expiration) : void 0,
              job
            };
          }
          _drainOne(capacity) {
            return this._registerLock.schedule(() => {
              var args, index, next, options, queue;
              if (this.queued() === 0) {
                return this.Promise.resolve(null);
              }
              queue = this._queues.getFirst();
              ({ options, args } = next = queue.first());
              if (capacity != null && options.weight > capacity) {
                return this.Promise.resolve(null);
              }
              this.Events.trigger("debug", `Draining ${options.id}`, { args, options });
              index = this._randomIndex();
              return this._store.__register__(index, options.weight, options.expiration).then(({ success, wait, reservoir }) => {
                var empty;
                this.Events.trigger("debug", `Drained ${options.id}`, { success, args, options });
                if (success) {
                  queue.shift();
                  empty = this.empty();
                  if (empty) {
                    this.Events.trigger("empty");
                  }
                  if (reservoir === 0) {
                    this.Events.trigger("depleted", empty);
                  }
                  this._run(index, next, wait);
                  return this.Promise.resolve(options.weight);
                } else {
                  return this.Promise.resolve(null);
                }
              });
            });
          }
          _drainAll(capacity, total = 0) {
            return this._drainOne(capacity).then((drained) => {
              var newCapacity;
              if (drained != null) {
                newCapacity = capacity != null ? capacity - drained : capacity;
                return this._drainAll(newCapacity, total + drained);
              } else {
                return this.Promise.resolve(total);
              }
            }).catch((e) => {
              return this.Events.trigger("error", e);
            });
          }
          _dropAllQueued(message) {
            return this._queues.shiftAll(function(job) {
              return job.doDrop({ message });
            });
          }
          stop(options = {}) {
            var done, waitForExecuting;
            options = parser$5.load(options, this.stopDefaults);
            waitForExecuting = (at) => {
              var finished;
              finished = () => {
                var counts;
                counts = this._states.counts;
                return counts[0] + counts[1] + counts[2] + counts[3] === at;
              };
              return new this.Promise((resolve4, reject) => {
                if (finished()) {
                  return resolve4();
                } else {
                  return this.on("done", () => {
                    if (finished()) {
                      this.removeAllListeners("done");
                      return resolve4();
                    }
                  });
                }
              });
            };
            done = options.dropWaitingJobs ? (this._run = function(index, next) {
              return next.doDrop({
                message: options.dropErrorMessage
              });
            }, this._drainOne = () => {
              return this.Promise.resolve(null);
            }, this._registerLock.schedule(() => {
              return this._submitLock.schedule(() => {
                var k, ref, v;
                ref = this._scheduled;
                for (k in ref) {
                  v = ref[k];
                  if (this.jobStatus(v.job.options.id) === "RUNNING") {
                    clearTimeout(v.timeout);
                    clearTimeout(v.expiration);
                    v.job.doDrop({
                      message: options.dropErrorMessage
                    });
                  }
                }
                this._dropAllQueued(options.dropErrorMessage);
                return waitForExecuting(0);
              });
            })) : this.schedule({
              priority: NUM_PRIORITIES$1 - 1,
              weight: 0
            }, () => {
              return waitForExecuting(1);
            });
            this._receive = function(job) {
              return job._reject(new Bottleneck3.prototype.BottleneckError(options.enqueueErrorMessage));
            };
            this.stop = () => {
              return this.Promise.reject(new Bottleneck3.prototype.BottleneckError("stop() has already been called"));
            };
            return done;
          }
          async _addToQueue(job) {
            var args, blocked, error2, options, reachedHWM, shifted, strategy;
            ({ args, options } = job);
            try {
              ({ reachedHWM, blocked, strategy } = await this._store.__submit__(this.queued(), options.weight));
            } catch (error1) {
              error2 = error1;
              this.Events.trigger("debug", `Could not queue ${options.id}`, { args, options, error: error2 });
              job.doDrop({ error: error2 });
              return false;
            }
            if (blocked) {
              job.doDrop();
              return true;
            } else if (reachedHWM) {
              shifted = strategy === Bottleneck3.prototype.strategy.LEAK ? this._queues.shiftLastFrom(options.priority) : strategy === Bottleneck3.prototype.strategy.OVERFLOW_PRIORITY ? this._queues.shiftLastFrom(options.priority + 1) : strategy === Bottleneck3.prototype.strategy.OVERFLOW ? job : void 0;
              if (shifted != null) {
                shifted.doDrop();
              }
              if (shifted == null || strategy === Bottleneck3.prototype.strategy.OVERFLOW) {
                if (shifted == null) {
                  job.doDrop();
                }
                return reachedHWM;
              }
            }
            job.doQueue(reachedHWM, blocked);
            this._queues.push(job);
            await this._drainAll();
            return reachedHWM;
          }
          _receive(job) {
            if (this._states.jobStatus(job.options.id) != null) {
              job._reject(new Bottleneck3.prototype.BottleneckError(`A job with the same id already exists (id=${job.options.id})`));
              return false;
            } else {
              job.doReceive();
              return this._submitLock.schedule(this._addToQueue, job);
            }
          }
          submit(...args) {
            var cb, fn, job, options, ref, ref1, task;
            if (typeof args[0] === "function") {
              ref = args, [fn, ...args] = ref, [cb] = splice.call(args, -1);
              options = parser$5.load({}, this.jobDefaults);
            } else {
              ref1 = args, [options, fn, ...args] = ref1, [cb] = splice.call(args, -1);
              options = parser$5.load(options, this.jobDefaults);
            }
            task = (...args2) => {
              return new this.Promise(function(resolve4, reject) {
                return fn(...args2, function(...args3) {
                  return (args3[0] != null ? reject : resolve4)(args3);
                });
              });
            };
            job = new Job$1(task, args, options, this.jobDefaults, this.rejectOnDrop, this.Events, this._states, this.Promise);
            job.promise.then(function(args2) {
              return typeof cb === "function" ? cb(...args2) : void 0;
            }).catch(function(args2) {
              if (Array.isArray(args2)) {
                return typeof cb === "function" ? cb(...args2) : void 0;
              } else {
                return typeof cb === "function" ? cb(args2) : void 0;
              }
            });
            return this._receive(job);
          }
          schedule(...args) {
            var job, options, task;
            if (typeof args[0] === "function") {
              [task, ...args] = args;
              options = {};
            } else {
              [options, task, ...args] = args;
            }
            job = new Job$1(task, args, options, this.jobDefaults, this.rejectOnDrop, this.Events, this._states, this.Promise);
            this._receive(job);
            return job.promise;
          }
          wrap(fn) {
            var schedule, wrapped;
            schedule = this.schedule.bind(this);
            wrapped = function(...args) {
              return schedule(fn.bind(this), ...args);
            };
            wrapped.withOptions = function(options, ...args) {
              return schedule(options, fn, ...args);
            };
            return wrapped;
          }
          async updateSettings(options = {}) {
            await this._store.__updateSettings__(parser$5.overwrite(options, this.storeDefaults));
            parser$5.overwrite(options, this.instanceDefaults, this);
            return this;
          }
          currentReservoir() {
            return this._store.__currentReservoir__();
          }
          incrementReservoir(incr = 0) {
            return this._store.__incrementReservoir__(incr);
          }
        }
        Bottleneck3.default = Bottleneck3;
        Bottleneck3.Events = Events$4;
        Bottleneck3.version = Bottleneck3.prototype.version = require$$8.version;
        Bottleneck3.strategy = Bottleneck3.prototype.strategy = {
          LEAK: 1,
          OVERFLOW: 2,
          OVERFLOW_PRIORITY: 4,
          BLOCK: 3
        };
        Bottleneck3.BottleneckError = Bottleneck3.prototype.BottleneckError = BottleneckError_1;
        Bottleneck3.Group = Bottleneck3.prototype.Group = Group_1;
        Bottleneck3.RedisConnection = Bottleneck3.prototype.RedisConnection = require$$2;
        Bottleneck3.IORedisConnection = Bottleneck3.prototype.IORedisConnection = require$$3;
        Bottleneck3.Batcher = Bottleneck3.prototype.Batcher = Batcher_1;
        Bottleneck3.prototype.jobDefaults = {
          priority: DEFAULT_PRIORITY$1,
          weight: 1,
          expiration: null,
          id: "<no-id>"
        };
        Bottleneck3.prototype.storeDefaults = {
          maxConcurrent: null,
          minTime: 0,
          highWater: null,
          strategy: Bottleneck3.prototype.strategy.LEAK,
          penalty: null,
          reservoir: null,
          reservoirRefreshInterval: null,
          reservoirRefreshAmount: null,
          reservoirIncreaseInterval: null,
          reservoirIncreaseAmount: null,
          reservoirIncreaseMaximum: null
        };
        Bottleneck3.prototype.localStoreDefaults = {
          Promise,
          timeout: null,
          heartbeatInterval: 250
        };
        Bottleneck3.prototype.redisStoreDefaults = {
          Promise,
          timeout: null,
          heartbeatInterval: 5e3,
          clientTimeout: 1e4,
          Redis: null,
          clientOptions: {},
          clusterNodes: null,
          clearDatastore: false,
          connection: null
        };
        Bottleneck3.prototype.instanceDefaults = {
          datastore: "local",
          connection: null,
          id: "<no-id>",
          rejectOnDrop: true,
          trackDoneStatus: false,
          Promise
        };
        Bottleneck3.prototype.stopDefaults = {
          enqueueErrorMessage: "This limiter has been stopped and cannot accept new jobs.",
          dropWaitingJobs: true,
          dropErrorMessage: "This limiter has been stopped."
        };
        return Bottleneck3;
      }).call(commonjsGlobal);
      var Bottleneck_1 = Bottleneck2;
      var lib = Bottleneck_1;
      return lib;
    }));
  }
});

// node_modules/picocolors/picocolors.js
var require_picocolors = __commonJS({
  "node_modules/picocolors/picocolors.js"(exports, module) {
    var p = process || {};
    var argv = p.argv || [];
    var env = p.env || {};
    var isColorSupported = !(!!env.NO_COLOR || argv.includes("--no-color")) && (!!env.FORCE_COLOR || argv.includes("--color") || p.platform === "win32" || (p.stdout || {}).isTTY && env.TERM !== "dumb" || !!env.CI);
    var formatter = (open2, close, replace = open2) => (input) => {
      let string = "" + input, index = string.indexOf(close, open2.length);
      return ~index ? open2 + replaceClose(string, close, replace, index) + close : open2 + string + close;
    };
    var replaceClose = (string, close, replace, index) => {
      let result = "", cursor = 0;
      do {
        result += string.substring(cursor, index) + replace;
        cursor = index + close.length;
        index = string.indexOf(close, cursor);
      } while (~index);
      return result + string.substring(cursor);
    };
    var createColors = (enabled = isColorSupported) => {
      let f = enabled ? formatter : () => String;
      return {
        isColorSupported: enabled,
        reset: f("\x1B[0m", "\x1B[0m"),
        bold: f("\x1B[1m", "\x1B[22m", "\x1B[22m\x1B[1m"),
        dim: f("\x1B[2m", "\x1B[22m", "\x1B[22m\x1B[2m"),
        italic: f("\x1B[3m", "\x1B[23m"),
        underline: f("\x1B[4m", "\x1B[24m"),
        inverse: f("\x1B[7m", "\x1B[27m"),
        hidden: f("\x1B[8m", "\x1B[28m"),
        strikethrough: f("\x1B[9m", "\x1B[29m"),
        black: f("\x1B[30m", "\x1B[39m"),
        red: f("\x1B[31m", "\x1B[39m"),
        green: f("\x1B[32m", "\x1B[39m"),
        yellow: f("\x1B[33m", "\x1B[39m"),
        blue: f("\x1B[34m", "\x1B[39m"),
        magenta: f("\x1B[35m", "\x1B[39m"),
        cyan: f("\x1B[36m", "\x1B[39m"),
        white: f("\x1B[37m", "\x1B[39m"),
        gray: f("\x1B[90m", "\x1B[39m"),
        bgBlack: f("\x1B[40m", "\x1B[49m"),
        bgRed: f("\x1B[41m", "\x1B[49m"),
        bgGreen: f("\x1B[42m", "\x1B[49m"),
        bgYellow: f("\x1B[43m", "\x1B[49m"),
        bgBlue: f("\x1B[44m", "\x1B[49m"),
        bgMagenta: f("\x1B[45m", "\x1B[49m"),
        bgCyan: f("\x1B[46m", "\x1B[49m"),
        bgWhite: f("\x1B[47m", "\x1B[49m"),
        blackBright: f("\x1B[90m", "\x1B[39m"),
        redBright: f("\x1B[91m", "\x1B[39m"),
        greenBright: f("\x1B[92m", "\x1B[39m"),
        yellowBright: f("\x1B[93m", "\x1B[39m"),
        blueBright: f("\x1B[94m", "\x1B[39m"),
        magentaBright: f("\x1B[95m", "\x1B[39m"),
        cyanBright: f("\x1B[96m", "\x1B[39m"),
        whiteBright: f("\x1B[97m", "\x1B[39m"),
        bgBlackBright: f("\x1B[100m", "\x1B[49m"),
        bgRedBright: f("\x1B[101m", "\x1B[49m"),
        bgGreenBright: f("\x1B[102m", "\x1B[49m"),
        bgYellowBright: f("\x1B[103m", "\x1B[49m"),
        bgBlueBright: f("\x1B[104m", "\x1B[49m"),
        bgMagentaBright: f("\x1B[105m", "\x1B[49m"),
        bgCyanBright: f("\x1B[106m", "\x1B[49m"),
        bgWhiteBright: f("\x1B[107m", "\x1B[49m")
      };
    };
    module.exports = createColors();
    module.exports.createColors = createColors;
  }
});

// src/action/main.ts
import { readFileSync as readFileSync4, rmSync, writeFileSync as writeFileSync2 } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute as isAbsolute2, join as join5 } from "node:path";

// src/detect/base64.ts
var maxBase64Run = 1 << 20;
var base64CutOverlap = 1024;
var minWrapWidth = 48;
function base64RunAround(data, offset, floor) {
  let start = offset;
  const lowest = Math.max(floor, offset - maxBase64Run);
  while (start > lowest && isBase64Byte(data[start - 1])) start--;
  if (start === lowest && isBase64Byte(data[start - 1])) start = Math.max(floor, offset - 8);
  let end = offset;
  while (end < data.length && end - start < maxBase64Run && isBase64Byte(data[end])) end++;
  if (isBase64Byte(data[end]) && end - offset < base64CutOverlap) {
    start = Math.max(start, offset + base64CutOverlap - maxBase64Run);
    while (end < data.length && end - start < maxBase64Run && isBase64Byte(data[end])) end++;
  }
  while (end < data.length && data[end] === 61) end++;
  return { start, end };
}
function afterLineBreak(data, at) {
  if (data[at] === 13) at++;
  if (data[at] !== 10) return -1;
  at++;
  while (data[at] === 32 || data[at] === 9) at++;
  return at;
}
function lineBreakBefore(data, at) {
  while (at > 0 && (data[at - 1] === 32 || data[at - 1] === 9)) at--;
  if (data[at - 1] !== 10) return -1;
  at--;
  return data[at - 1] === 13 ? at - 1 : at;
}
function base64EndingAt(data, breakAt, floor) {
  let start = breakAt;
  while (start > floor && breakAt - start < maxBase64Run && isBase64Byte(data[start - 1])) start--;
  return { start, end: breakAt };
}
function lineBefore(data, line, floor) {
  const breakAt = lineBreakBefore(data, line.start);
  if (breakAt === -1 || breakAt <= floor) return void 0;
  const previous = base64EndingAt(data, breakAt, floor);
  return previous.end > previous.start ? previous : void 0;
}
function lineAfter(data, line) {
  const start = afterLineBreak(data, line.end);
  if (start === -1 || !isBase64Byte(data[start])) return void 0;
  let end = start;
  while (end < data.length && isBase64Byte(data[end])) end++;
  while (end < data.length && data[end] === 61) end++;
  return end === data.length || data[end] === 13 || data[end] === 10 ? { start, end } : void 0;
}
var lengthOf = (span) => span.end - span.start;
var padded = (data, span) => data[span.end - 1] === 61;
function wrappedLines(data, run, floor) {
  const next = padded(data, run) ? void 0 : lineAfter(data, run);
  const previous = lineBefore(data, run, floor);
  const width = next ? lengthOf(run) : previous ? lengthOf(previous) : 0;
  if (width < minWrapWidth || width % 4 !== 0 || !next && lengthOf(run) > width) return [run];
  const lines = [run];
  let length = lengthOf(run);
  for (let line = previous; line && lengthOf(line) === width && length + width <= maxBase64Run; line = lineBefore(data, line, floor)) {
    lines.unshift(line);
    length += width;
    if (lineBreakBefore(data, line.start) === -1) break;
  }
  for (let line = run, after = next; after && lengthOf(line) === width && !padded(data, line); line = after, after = lineAfter(data, after)) {
    if (lengthOf(after) > width || length + lengthOf(after) > maxBase64Run) break;
    lines.push(after);
    length += lengthOf(after);
  }
  return lines;
}
function lineHolding(starts, value) {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = low + high + 1 >>> 1;
    if ((starts[middle] ?? 0) <= value) low = middle;
    else high = middle - 1;
  }
  return low;
}
function keysInBase64(data, lines, findPlain, continues = false) {
  const first = lines[0];
  const last = lines[lines.length - 1];
  if (!first || !last) return [];
  const text = lines.map((line) => data.toString("latin1", line.start, line.end)).join("");
  const startsAt = [];
  let joined = 0;
  for (const line of lines) {
    startsAt.push(joined);
    joined += line.end - line.start;
  }
  const offsetOf = (index) => {
    const line = lineHolding(startsAt, index);
    return (lines[line]?.start ?? last.end) + index - (startsAt[line] ?? 0);
  };
  const cutBefore = isBase64Byte(data[first.start - 1]);
  const cutAfter = continues || isBase64Byte(data[last.end]);
  for (let shift = 0; shift < 4; shift++) {
    const decoded = Buffer.from(text.slice(shift), "base64");
    const { keys, sawKeyword } = findPlain(decoded);
    if (!sawKeyword) continue;
    const whole = keys.filter((k) => !(cutBefore && k.start < 2) && !(cutAfter && k.end > decoded.length - 3));
    return whole.map((k) => ({
      rule: k.rule,
      key: k.key,
      at: offsetOf(shift + Math.floor(k.start * 4 / 3)),
      atEnd: offsetOf(shift + Math.ceil(k.end * 4 / 3) - 1) + 1
    }));
  }
  return [];
}

// src/detect/locate.ts
var LineLocator = class {
  #line;
  #countedTo = 0;
  #data;
  #startLine;
  #firstLineColumnOffset;
  /**
   * @param startLine 1-based line of `data[0]`.
   * @param firstLineColumnOffset UTF-16 units of `data[0]`'s line that lie before `data` (streamed windows).
   */
  constructor(data, startLine, firstLineColumnOffset = 0) {
    this.#data = data;
    this.#startLine = startLine;
    this.#line = startLine;
    this.#firstLineColumnOffset = firstLineColumnOffset;
  }
  lineAt(offset) {
    if (offset < this.#countedTo) {
      this.#line = this.#startLine;
      this.#countedTo = 0;
    }
    const data = this.#data;
    for (let nl = data.indexOf(10, this.#countedTo); nl !== -1 && nl < offset; nl = data.indexOf(10, nl + 1)) {
      this.#line++;
    }
    this.#countedTo = offset;
    return this.#line;
  }
  /** Byte offset where the line holding `offset` starts (0 when it started before `data`). */
  lineStart(offset) {
    return offset === 0 ? 0 : this.#data.lastIndexOf(10, offset - 1) + 1;
  }
  /** Byte offset of the newline ending the line holding `offset` (or the end of `data`). */
  lineEnd(offset) {
    const end = this.#data.indexOf(10, offset);
    return end === -1 ? this.#data.length : end;
  }
  /** 1-based column of the byte at `offset`. */
  columnAt(offset) {
    const start = this.lineStart(offset);
    return this.utf16Length(start, offset) + 1 + (start === 0 ? this.#firstLineColumnOffset : 0);
  }
  /** UTF-16 units of the UTF-8 bytes in [start, end). */
  utf16Length(start, end) {
    return utf16Length(this.#data, start, end);
  }
};

// src/detect/placeholder.ts
var evidenceBits = 30;
var placeholderWords = /your|example|redacted|placeholder|xxxx|dummy|sample|changeme|insert|replace|fake|test(?:key|token)|secret|here/gi;
function placeholderWordBits(body) {
  let bits = 0;
  for (const [word] of body.matchAll(placeholderWords)) {
    const places = body.length - word.length + 1;
    bits += Math.max(0, word.length * Math.log2(31) - Math.log2(places));
  }
  return bits;
}
var commonPairs = "th he in er an re on at en nd ti es or te of ed is it al ar st to nt ng se ha as ou io le ve co me de hi ri ro ic ne ea ra ce li ch ll be ma si om ur ca el ta la ns di fo ho pe ec pr no ct us ac ot il tr ly nc et ut ss so rs un lo wa ge ie wh ee wi em ad ol rt po we na ul ni ts mo ow pa im mi ai sh ir su id os iv ia am fi ci vi pl ig tu ev ld ry mp fe".split(" ");
var lettersByFrequency = "etaoinshrdlcumwfgypbvkjxqz";
var letterWeight = (letter) => 1 / (lettersByFrequency.indexOf(String.fromCharCode(97 + letter)) + 4);
var commonShare = 0.75;
var firstLetterBits = (() => {
  const weights = Array.from({ length: 26 }, (_, letter) => letterWeight(letter));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return Float64Array.from(weights, (weight) => Math.log2(weight / total));
})();
var pairBits = (() => {
  const table = new Float64Array(26 * 26);
  for (let first = 0; first < 26; first++) {
    const common = new Float64Array(26);
    commonPairs.forEach((pair, rank) => {
      if (pair.charCodeAt(0) - 97 === first) common[pair.charCodeAt(1) - 97] = 1 / (rank + 10);
    });
    const commonTotal = common.reduce((sum, weight) => sum + weight, 0);
    let otherTotal = 0;
    for (let second = 0; second < 26; second++) if (common[second] === 0) otherTotal += letterWeight(second);
    for (let second = 0; second < 26; second++) {
      const weight = common[second] ?? 0;
      const odds = weight > 0 ? commonShare * weight / commonTotal : (commonTotal > 0 ? 1 - commonShare : 1) * letterWeight(second) / otherTotal;
      table[first * 26 + second] = Math.log2(odds);
    }
  }
  return table;
})();
function classOf(code2) {
  if (code2 >= 97 && code2 <= 122) return 0;
  if (code2 >= 65 && code2 <= 90) return 1;
  if (code2 >= 48 && code2 <= 57) return 2;
  return void 0;
}
var classOdds = [
  [0.8, 0.15, 0.05],
  [0.7, 0.25, 0.05],
  [0.25, 0.25, 0.5]
];
var firstClassOdds = [0.45, 0.45, 0.1];
var classBits = classOdds.map((row) => row.map(Math.log2));
var firstClassBits = firstClassOdds.map(Math.log2);
var digitBits = Math.log2(1 / 10);
function wordModelBits(body, alphabet) {
  if (!/[g-zG-Z]/.test(body)) return void 0;
  let bits = 0;
  let previous;
  let previousLetter = -1;
  const seen = [false, false, false];
  for (let i = 0; i < body.length; i++) {
    const code2 = body.charCodeAt(i);
    const cls = classOf(code2);
    if (cls === void 0) return void 0;
    seen[cls] = true;
    bits += (previous === void 0 ? firstClassBits[cls] : classBits[previous]?.[cls]) ?? 0;
    previous = cls;
    if (cls === 2) {
      bits += digitBits;
      previousLetter = -1;
      continue;
    }
    const letter = (code2 | 32) - 97;
    const startsWord = previousLetter === -1 || cls === 1 && body.charCodeAt(i - 1) >= 97;
    bits += (startsWord ? firstLetterBits[letter] : pairBits[previousLetter * 26 + letter]) ?? 0;
    previousLetter = letter;
  }
  const seenAlphabet = (seen[0] ? 26 : 0) + (seen[1] ? 26 : 0) + (seen[2] ? 10 : 0);
  return bits + body.length * Math.log2(Math.max(alphabet ?? 0, seenAlphabet));
}
var charCounts = new Uint32Array(256);
function shannonEntropy(text) {
  if (text.length === 0) return 0;
  let wide;
  for (let i = 0; i < text.length; i++) {
    const code2 = text.charCodeAt(i);
    if (code2 < 256) charCounts[code2] = (charCounts[code2] ?? 0) + 1;
    else (wide ??= /* @__PURE__ */ new Map()).set(code2, (wide.get(code2) ?? 0) + 1);
  }
  let bits = 0;
  const add = (count) => {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  };
  for (let i = 0; i < text.length; i++) {
    const code2 = text.charCodeAt(i);
    const count = charCounts[code2] ?? 0;
    if (code2 >= 256 || count === 0) continue;
    add(count);
    charCounts[code2] = 0;
  }
  for (const count of wide?.values() ?? []) add(count);
  return bits;
}
function entropyFloor(length, minEntropy) {
  return Math.min(minEntropy, Math.log2(Math.max(1, length)) - 2);
}
function isRepeating(body, maxUnit = 8) {
  for (let unit = 1; unit <= maxUnit && unit * 2 <= body.length; unit++) {
    let repeats = true;
    for (let i = unit; i < body.length; i++) {
      if (body[i] !== body[i - unit]) {
        repeats = false;
        break;
      }
    }
    if (repeats) return true;
  }
  return false;
}
function orderOf(code2) {
  if (code2 >= 48 && code2 <= 57) return code2 - 48;
  const lower = code2 | 32;
  return lower >= 97 && lower <= 122 ? lower - 87 : -1;
}
function longestSequence(body) {
  let longest = body.length > 0 ? 1 : 0;
  let run = 1;
  let previous = -2;
  for (let i = 0; i < body.length; i++) {
    const index = orderOf(body.charCodeAt(i));
    run = index !== -1 && index === previous + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = index;
  }
  return longest;
}
function placeholderReason(body, minEntropy, words = true, alphabet) {
  if (words && placeholderWordBits(body) >= evidenceBits) return "placeholder word";
  if (words && (wordModelBits(body, alphabet) ?? 0) >= evidenceBits) return "made of words";
  if (isRepeating(body)) return "repeating";
  if (longestSequence(body) >= 8) return "sequence";
  if (shannonEntropy(body) < entropyFloor(body.length, minEntropy)) return "low entropy";
  return void 0;
}

// src/detect/normalize.ts
var escapes = /\x1b\[[0-9;?]*[ -/]*[@-~]|\\+(?:u[0-9a-fA-F]{4}|[nrtbf"'/])?|%[0-9A-Fa-f]{2}/g;
var mayContainEscape = /[\x1b\\%]/;
function blankEscapes(text) {
  if (!mayContainEscape.test(text)) return text;
  return text.replace(escapes, (escape) => " ".repeat(escape.length));
}
function isEscapeIntroducer(byte) {
  return byte === 27 || byte === 92 || byte === 37 || byte === 38;
}
var ESC = 27;
var letterEscapes = { n: "\n", r: "\r", t: "	", b: "\b", f: "\f", v: "\v", e: "\x1B", '"': '"', "'": "'", "/": "/" };
var namedEntities = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\xA0", lowbar: "_", UnderBar: "_" };
var hexDigits = /^[0-9a-fA-F]+$/;
var longestCsi = 64;
var longestOsc = 1024;
function hexAt(source, at, length) {
  const digits = source.slice(at, at + length);
  return digits.length === length && hexDigits.test(digits) ? parseInt(digits, 16) : void 0;
}
function escapeAt(source, at, end) {
  const code2 = source.charCodeAt(at);
  if (code2 === 92) {
    let after = at;
    while (after < end && source.charCodeAt(after) === 92) after++;
    const letter = source[after];
    if (letter === "u") {
      const value = hexAt(source, after + 1, 4);
      if (value !== void 0 && after + 5 <= end) return { char: String.fromCharCode(value), length: after + 5 - at };
    } else if (letter === "x") {
      const value = hexAt(source, after + 1, 2);
      if (value !== void 0 && after + 3 <= end) return { char: String.fromCharCode(value), length: after + 3 - at };
    } else if (letter === "0" && source.startsWith("033", after) && after + 3 <= end) {
      return { char: "\x1B", length: after + 3 - at };
    } else if (letter !== void 0 && after < end && letterEscapes[letter] !== void 0) {
      return { char: letterEscapes[letter] ?? "", length: after + 1 - at };
    }
    return { char: "\\", length: after - at };
  }
  if (code2 === 37) {
    const value = hexAt(source, at + 1, 2);
    return value !== void 0 && at + 3 <= end ? { char: String.fromCharCode(value), length: 3 } : void 0;
  }
  if (code2 === 38) {
    const semicolon = source.indexOf(";", at + 2);
    if (semicolon === -1 || semicolon >= end || semicolon - at > 10) return void 0;
    const name = source.slice(at + 1, semicolon);
    let value;
    if (/^#[0-9]{1,7}$/.test(name)) value = parseInt(name.slice(1), 10);
    else if (/^#[xX][0-9a-fA-F]{1,6}$/.test(name)) value = parseInt(name.slice(2), 16);
    else if (namedEntities[name] !== void 0) return { char: namedEntities[name] ?? "", length: semicolon + 1 - at };
    if (value === void 0 || value > 1114111) return void 0;
    return { char: value > 65535 ? "\uFFFD" : String.fromCharCode(value), length: semicolon + 1 - at };
  }
  return void 0;
}
function controlSequenceLength(chars, at, oscEnd) {
  const next = chars[at + 1];
  if (next === "[") {
    let i = at + 2;
    while (i < chars.length && i - at < longestCsi && /^[0-9;:<=>?]$/.test(chars[i] ?? "")) i++;
    while (i < chars.length && i - at < longestCsi && /^[ -/]$/.test(chars[i] ?? "")) i++;
    return i < chars.length && /^[@-~]$/.test(chars[i] ?? "") ? i + 1 - at : 0;
  }
  if (next === "]") {
    const end = oscEnd(at + 2);
    return end !== -1 && end - at <= longestOsc ? end - at : 0;
  }
  if (next === "(" || next === ")") return chars[at + 2] !== void 0 ? 3 : 0;
  if (next !== void 0 && /^[=>78cDEHMNOZ]$/.test(next)) return 2;
  return 0;
}
function nextOscTerminator(chars) {
  let searched = 0;
  let found = -1;
  let foundAt = -1;
  return (from) => {
    if (foundAt >= from) return found;
    for (let i = Math.max(from, searched); i < chars.length; i++) {
      const length = chars[i] === "\x07" ? 1 : chars[i] === "\x1B" && chars[i + 1] === "\\" ? 2 : 0;
      if (length > 0) {
        searched = i + length;
        foundAt = i;
        found = i + length;
        return found;
      }
    }
    searched = chars.length;
    return -1;
  };
}
function decodeEscapes(source, from = 0, to = source.length) {
  const chars = [];
  const starts = [];
  const ends = [];
  for (let at = from; at < to; ) {
    const escape = isEscapeIntroducer(source.charCodeAt(at)) ? escapeAt(source, at, to) : void 0;
    chars.push(escape ? escape.char : source[at] ?? "");
    starts.push(at);
    at += escape ? escape.length : 1;
    ends.push(at);
  }
  const oscEnd = nextOscTerminator(chars);
  let text = "";
  const keptStarts = [];
  const keptEnds = [];
  for (let i = 0; i < chars.length; ) {
    const char = chars[i] ?? "";
    if (char.charCodeAt(0) === ESC) {
      const length = controlSequenceLength(chars, i, oscEnd);
      if (length > 0) {
        i += length;
        continue;
      }
    }
    text += char;
    keptStarts.push(starts[i] ?? 0);
    keptEnds.push(ends[i] ?? 0);
    i++;
  }
  return { text, starts: Int32Array.from(keptStarts), ends: Int32Array.from(keptEnds) };
}

// src/detect/prefilter.ts
var escapeNeedles = [
  { anchor: "\\u0", forms: ["\\u002d", "\\u002D", "\\u005f", "\\u005F"] },
  { anchor: "%2D", forms: ["%2D"] },
  { anchor: "%5F", forms: ["%5F"] },
  { anchor: "&#", forms: ["&#45;", "&#045;", "&#x2d;", "&#x2D;", "&#X2D;", "&#95;", "&#095;", "&#x5f;", "&#x5F;", "&#X5F;"] }
];
var escapeBesideKeyword = { bytes: Buffer.alloc(0), keyword: "", encoding: "escape", rules: [] };
var anchorLength = 3;
var byteFrequencyOrder = ` etrnoiaslcdpumf.0123456789h()_gy,"/;=*b:vxT-{}SEkwAC'PIDNOR\`FML[]|>j&Bz?U$!\\Wq@V<+GHKJZ#YQX^%~`;
function commonness(byte) {
  const rank = byteFrequencyOrder.indexOf(byte);
  return rank === -1 ? 0 : byteFrequencyOrder.length - rank;
}
function anchorOffset(needle, byteCounts) {
  const weight = byteCounts ? (at) => byteCounts[needle.charCodeAt(at)] ?? 0 : (at) => commonness(needle[at] ?? "");
  let best = 0;
  for (let at = 1; at + anchorLength <= needle.length; at++) {
    if (weight(at) < weight(best)) best = at;
  }
  return best;
}
function base64Forms(keyword) {
  const keywordBytes2 = Buffer.from(keyword, "utf8");
  const forms = /* @__PURE__ */ new Set();
  for (let unknown = 0; unknown < 3; unknown++) {
    const encoded = Buffer.concat([Buffer.alloc(unknown), keywordBytes2]).toString("base64");
    const firstPure = Math.ceil(8 * unknown / 6);
    const endPure = Math.floor(8 * (unknown + keywordBytes2.length) / 6);
    const form = encoded.slice(firstPure, endPure);
    if (form.length < 4) continue;
    forms.add(form);
    forms.add(form.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return [...forms];
}
function buildPrefilter(rules, byteCounts) {
  const needles = /* @__PURE__ */ new Map();
  const add = (text, keyword, encoding, rule) => {
    const existing = needles.get(text);
    if (existing) {
      if (encoding === "plain" && !existing.rules.includes(rule)) existing.rules.push(rule);
      return;
    }
    needles.set(text, { bytes: Buffer.from(text, "utf8"), keyword, encoding, rules: encoding === "plain" ? [rule] : [] });
  };
  for (const rule of rules) {
    for (const keyword of rule.keywords) {
      add(keyword, keyword, "plain", rule);
      for (const form of base64Forms(keyword)) add(form, keyword, "base64", rule);
    }
  }
  const anchors = /* @__PURE__ */ new Map();
  const anchorAt = (key, needle, at) => {
    const anchor = anchors.get(key) ?? { bytes: Buffer.from(key, "latin1"), needles: [] };
    anchor.needles.push({ needle, at });
    anchors.set(key, anchor);
  };
  for (const { key, needle, at } of sharedAnchors([...needles.entries()], byteCounts)) anchorAt(key, needle, at);
  for (const { anchor, forms } of escapeNeedles) {
    for (const form of forms) anchorAt(anchor, { bytes: Buffer.from(form, "latin1"), keyword: "", encoding: "escape", rules: [] }, 0);
  }
  return { anchors: [...anchors.values()] };
}
var commonBytes = 32;
function rareBytes(byteCounts) {
  const weight = (window2) => byteCounts ? byteCounts[window2.charCodeAt(0)] ?? 0 : commonness(window2[0] ?? "");
  const weights = byteCounts ? Array.from({ length: 256 }, (_, byte) => byteCounts[byte] ?? 0) : [...byteFrequencyOrder].map(commonness);
  const limit = [...weights].sort((a, b) => b - a)[commonBytes - 1] ?? 0;
  return (window2) => weight(window2) < limit;
}
function sharedAnchors(needles, byteCounts) {
  const weight = (window2) => byteCounts ? byteCounts[window2.charCodeAt(0)] ?? 0 : commonness(window2[0] ?? "");
  const rare = rareBytes(byteCounts);
  const holders = /* @__PURE__ */ new Map();
  for (const [text, needle] of needles) {
    const lengths = needle.encoding === "plain" ? [anchorLength, 2] : [anchorLength];
    for (const length of lengths) {
      for (let at = 0; at + length <= text.length; at++) {
        const key = text.slice(at, at + length);
        if (!rare(key)) continue;
        const list2 = holders.get(key) ?? [];
        if (!list2.some((held) => held.needle === needle)) list2.push({ needle, at });
        holders.set(key, list2);
      }
    }
  }
  const chosen = [];
  const covered = /* @__PURE__ */ new Set();
  for (; ; ) {
    let best;
    for (const [key, held] of holders) {
      const list2 = held.filter((entry) => !covered.has(entry.needle));
      if (list2.length < 2) continue;
      const better = !best || list2.length > best.list.length || list2.length === best.list.length && (key.length > best.key.length || key.length === best.key.length && weight(key) < weight(best.key));
      if (better) best = { key, list: list2 };
    }
    if (!best) break;
    for (const { needle, at } of best.list) {
      covered.add(needle);
      chosen.push({ key: best.key, needle, at });
    }
  }
  for (const [text, needle] of needles) {
    if (covered.has(needle)) continue;
    const at = anchorOffset(text, byteCounts);
    chosen.push({ key: text.slice(at, at + anchorLength), needle, at });
  }
  return chosen;
}
function needleAt(data, offset, needle) {
  if (offset < 0 || offset + needle.length > data.length) return false;
  for (let i = 0; i < needle.length; i++) {
    if (data[offset + i] !== needle[i]) return false;
  }
  return true;
}
function breakEndingAt(data, end) {
  let at = end;
  while (at > 0 && (data[at - 1] === 32 || data[at - 1] === 9)) at--;
  if (data[at - 1] !== 10) return 0;
  at--;
  if (data[at - 1] === 13) at--;
  return end - at;
}
function breakStartingAt(data, start) {
  let at = start;
  if (data[at] === 13) at++;
  if (data[at] !== 10) return 0;
  at++;
  while (data[at] === 32 || data[at] === 9) at++;
  return at - start;
}
function wrappedNeedleAt(data, anchorAt, within, needle) {
  let at = anchorAt;
  for (let i = within - 1; i >= 0; i--) {
    if (data[at - 1] !== needle[i]) at -= breakEndingAt(data, at);
    if (data[at - 1] !== needle[i]) return -1;
    at--;
  }
  const start = at;
  at = anchorAt + anchorLength;
  for (let i = within + anchorLength; i < needle.length; i++) {
    if (data[at] !== needle[i]) at += breakStartingAt(data, at);
    if (data[at] !== needle[i]) return -1;
    at++;
  }
  return start;
}
var longestEscape = 16;
function escapeCutsNeedle(data, anchorAt, anchorBytes, within, needle) {
  let at = anchorAt - 1;
  for (let i = within - 1; i >= 0; i--, at--) {
    if (data[at] === needle[i]) continue;
    for (let start = at; start > at - longestEscape && start >= 0; start--) if (isEscapeIntroducer(data[start])) return true;
    return false;
  }
  at = anchorAt + anchorBytes;
  for (let i = within + anchorBytes; i < needle.length; i++, at++) {
    if (data[at] !== needle[i]) return isEscapeIntroducer(data[at]);
  }
  return false;
}
function findHits(data, prefilter) {
  const hits = [];
  for (const anchor of prefilter.anchors) {
    for (let at = data.indexOf(anchor.bytes); at !== -1; at = data.indexOf(anchor.bytes, at + 1)) {
      for (const { needle, at: within } of anchor.needles) {
        if (needleAt(data, at - within, needle.bytes)) {
          hits.push({ offset: at - within, needle });
        } else if (needle.encoding === "base64") {
          const start = wrappedNeedleAt(data, at, within, needle.bytes);
          if (start !== -1) hits.push({ offset: start, needle });
        } else if (needle.encoding === "plain" && escapeCutsNeedle(data, at, anchor.bytes.length, within, needle.bytes)) {
          hits.push({ offset: at, needle: escapeBesideKeyword });
        }
      }
    }
  }
  return hits.sort((a, b) => a.offset - b.offset);
}

// src/detect/views.ts
var contextBefore = 64;
var contextAfter = 2048;
var windowLength = 16 * 1024;
var RawWindow = class {
  constructor(data) {
    this.data = data;
  }
  data;
  start = 0;
  end = 0;
  text = "";
  get cutShort() {
    return this.end < this.data.length;
  }
  /** Make sure [offset - contextBefore, offset + contextAfter) is inside the window. */
  cover(offset) {
    const wantEnd = Math.min(this.data.length, offset + contextAfter);
    if (Math.max(0, offset - contextBefore) >= this.start && wantEnd <= this.end && this.text !== "") return;
    this.start = Math.max(0, offset - contextBefore);
    this.end = Math.min(this.data.length, Math.max(wantEnd, this.start + windowLength));
    this.text = blankEscapes(this.data.toString("latin1", this.start, this.end));
  }
  startOf(index) {
    return this.start + index;
  }
  endOf(index) {
    return this.start + index + 1;
  }
  indexAt(offset) {
    return offset - this.start;
  }
};
var DecodedWindow = class {
  constructor(data) {
    this.data = data;
  }
  data;
  start = 0;
  end = 0;
  text = "";
  #starts = new Int32Array(0);
  #ends = new Int32Array(0);
  get cutShort() {
    return this.end < this.data.length;
  }
  /**
   * Make sure [offset - before, offset + after) is decoded. A new stretch reaches well past what
   * was asked, so hits close together share one decoding and the work stays linear.
   */
  cover(offset, before, after) {
    const from = Math.max(0, offset - before);
    const to = Math.min(this.data.length, offset + after);
    if (from >= this.start && to <= this.end && this.text !== "") return;
    this.start = from;
    this.end = Math.min(this.data.length, to + 4 * (before + after));
    const decoded = decodeEscapes(this.data.toString("latin1", this.start, this.end));
    this.text = decoded.text;
    this.#starts = decoded.starts;
    this.#ends = decoded.ends;
  }
  startOf(index) {
    return this.start + (this.#starts[index] ?? this.end - this.start);
  }
  endOf(index) {
    return this.start + (this.#ends[index] ?? this.end - this.start);
  }
  indexAt(offset) {
    const target = offset - this.start;
    let low = 0;
    let high = this.#starts.length;
    while (low < high) {
      const middle = low + high >>> 1;
      if ((this.#starts[middle] ?? 0) < target) low = middle + 1;
      else high = middle;
    }
    return low;
  }
};
var EscapeScanner = class {
  constructor(data) {
    this.data = data;
  }
  data;
  /** No escape introducer lies in [clearFrom, clearTo). */
  #clearFrom = 0;
  #clearTo = 0;
  /** An introducer found at this offset (or -1). */
  #found = -1;
  /** Whether an escape introducer (ESC, `\`, `%`, `&`) lies in [from, to). */
  any(from, to) {
    from = Math.max(0, from);
    to = Math.min(this.data.length, to);
    if (this.#found >= from && this.#found < to) return true;
    let at = from >= this.#clearFrom && from < this.#clearTo ? this.#clearTo : from;
    while (at < to && !isEscapeIntroducer(this.data[at])) at++;
    this.#clearFrom = from;
    this.#clearTo = at;
    if (at >= to) return false;
    this.#found = at;
    return true;
  }
};

// src/detect/detect.ts
function createEngine(rules, byteCounts) {
  const keywords = /* @__PURE__ */ new Map();
  for (const rule of rules) for (const keyword of rule.keywords) keywords.set(keyword, [...keywords.get(keyword) ?? [], rule]);
  return { rules, prefilter: buildPrefilter(rules, byteCounts), keywords: [...keywords].map(([keyword, withIt]) => ({ keyword, rules: withIt })) };
}
function startScan(data, engine, glued) {
  return { data, engine, glued, raw: new RawWindow(data), decoded: new DecodedWindow(data), escapes: new EscapeScanner(data) };
}
function keyOf(match) {
  const group = match.indices?.groups?.["key"];
  const value = match.groups?.["key"];
  if (group && value !== void 0) return { key: value, offset: group[0] - match.index };
  return { key: match[0], offset: 0 };
}
var leadingLookbehind = /^\(\?<[!=](?:\[(?:\\.|[^\]\\])*\]|\\.|[^()[\\])*\)/;
var trailingLookahead = /\(\?[!=](?:\[(?:\\.|[^\]\\])*\]|\\.|[^()[\\])*\)$/;
var gluedPatterns = /* @__PURE__ */ new WeakMap();
function gluedPatternsOf(rule) {
  let glued = gluedPatterns.get(rule);
  if (!glued) {
    const source = rule.pattern.source.replace(leadingLookbehind, "").replace(trailingLookahead, "");
    glued = {
      pattern: new RegExp(source, rule.pattern.flags),
      ...rule.anchored ? { anchored: new RegExp(source, rule.anchored.flags) } : {}
    };
    gluedPatterns.set(rule, glued);
  }
  return glued;
}
function matchInView(view, at, rules, glued) {
  const { text } = view;
  const found = [];
  const accept = (rule, match) => {
    if (match.index + match[0].length >= text.length && view.cutShort) return;
    const { key, offset } = keyOf(match);
    if (key.length === 0) return;
    const first = match.index + offset;
    const start = view.startOf(first);
    found.push({ rule, key, start, end: view.endOf(first + key.length - 1), at: start });
  };
  for (const rule of rules) {
    const { anchored, pattern } = glued ? gluedPatternsOf(rule) : rule;
    if (anchored) {
      anchored.lastIndex = at;
      const match = anchored.exec(text);
      if (match) accept(rule, match);
      continue;
    }
    pattern.lastIndex = Math.max(0, at - contextBefore);
    for (let match = pattern.exec(text); match && match.index <= at; match = pattern.exec(text)) {
      if (match[0].length === 0) pattern.lastIndex++;
      else if (match.index + match[0].length > at) accept(rule, match);
    }
  }
  return found;
}
function matchPlainHit(scan, hit) {
  scan.raw.cover(hit.offset);
  const found = matchInView(scan.raw, scan.raw.indexAt(hit.offset), hit.needle.rules, scan.glued);
  if (!scan.escapes.any(hit.offset - contextBefore, hit.offset + contextAfter)) return found;
  scan.decoded.cover(hit.offset, contextBefore, contextAfter);
  const decoded = matchInView(scan.decoded, scan.decoded.indexAt(hit.offset), hit.needle.rules, scan.glued);
  return [...found, ...decoded.map((key) => ({ ...key, decoded: true }))];
}
var escapeReach = 24;
function matchEscapeHit(scan, hit) {
  const { decoded } = scan;
  decoded.cover(hit.offset, 4 * escapeReach, 4 * escapeReach);
  const around = decoded.indexAt(hit.offset);
  const from = Math.max(0, around - escapeReach);
  const nearby = decoded.text.slice(from, around + 2 * escapeReach);
  const keywordsAt = [];
  for (const { keyword, rules } of scan.engine.keywords) {
    for (let at = nearby.indexOf(keyword); at !== -1; at = nearby.indexOf(keyword, at + 1)) keywordsAt.push({ offset: decoded.startOf(from + at), rules });
  }
  const found = [];
  for (const { offset, rules } of keywordsAt) {
    decoded.cover(offset, contextBefore, contextAfter);
    for (const key of matchInView(decoded, decoded.indexAt(offset), rules, scan.glued)) found.push({ ...key, decoded: true });
  }
  return found;
}
var terminalEscape = /\x1b|\\(?:u001[bB]|x1[bB]|033|e)/;
function preferDecoded(data, located) {
  const decoded = located.filter((key) => key.decoded);
  if (decoded.length === 0) return located;
  decoded.sort((a, b) => a.start - b.start);
  const joinedByCharacters = (plain, other) => other.rule === plain.rule && other.key !== plain.key && other.start <= plain.start && other.end >= plain.end && !terminalEscape.test(data.toString("latin1", other.start, plain.start)) && !terminalEscape.test(data.toString("latin1", plain.end, other.end));
  const superseded = (plain) => {
    let low = 0;
    let high = decoded.length;
    while (low < high) {
      const middle = low + high >>> 1;
      if ((decoded[middle]?.start ?? 0) < plain.end) low = middle + 1;
      else high = middle;
    }
    for (let i = low - 1; i >= 0 && i >= low - 8; i--) {
      const other = decoded[i];
      if (other && joinedByCharacters(plain, other)) return true;
    }
    return false;
  };
  return located.filter((key) => key.decoded || !superseded(key));
}
function plainKeys(data, engine, glued) {
  const scan = startScan(data, engine, glued);
  const hits = findHits(data, engine.prefilter).filter((hit) => hit.needle.encoding !== "base64");
  const keys = hits.flatMap((hit) => hit.needle.encoding === "plain" ? matchPlainHit(scan, hit) : matchEscapeHit(scan, hit));
  return { keys: preferDecoded(data, keys), sawKeyword: hits.length > 0 };
}
function keysInBase64Around(data, run, lines, engine, glued) {
  const find = (decoded) => plainKeys(decoded, engine, glued);
  const first = lines[0] ?? run;
  const last = lines[lines.length - 1] ?? run;
  const continues = last !== run;
  const onItsLine = keysInBase64(data, [run], find, continues).map((key) => ({ ...encodedKey(key), start: run.start, end: run.end, container: run }));
  if (lines.length === 1) return onItsLine;
  const container = { start: first.start, end: last.end };
  const lineStarts = lines.map((line) => line.start);
  const joined = keysInBase64(data, lines, find).map((key) => {
    const line = lines[lineHolding(lineStarts, key.at)] ?? last;
    return { ...encodedKey(key), start: key.at, end: Math.min(key.atEnd, line.end), container };
  });
  const inJoined = new Set(joined.map((key) => `${key.at}\0${key.key}`));
  return [...joined, ...onItsLine.filter((key) => !inJoined.has(`${key.at}\0${key.key}`))];
}
function encodedKey(key) {
  return { rule: key.rule, key: key.key, at: key.at, atEnd: key.atEnd, encoding: "base64" };
}
function bodyOf(key, rule) {
  return key.startsWith(rule.prefix) ? key.slice(rule.prefix.length) : key;
}
var bodyAlphabets = /* @__PURE__ */ new WeakMap();
var repeatedClass = /\[((?:\\.|[^\]\\])+)\]\{\d+(?:,\d+)?\}/g;
function bodyAlphabet(rule) {
  if (bodyAlphabets.has(rule)) return bodyAlphabets.get(rule);
  let size;
  const last = [...rule.pattern.source.matchAll(repeatedClass)].pop();
  if (last) {
    try {
      const member = new RegExp(`^[${last[1] ?? ""}]$`);
      size = 0;
      for (let code2 = 33; code2 < 127; code2++) if (member.test(String.fromCharCode(code2))) size++;
    } catch {
      size = void 0;
    }
  }
  bodyAlphabets.set(rule, size);
  return size;
}
function locateKeys(data, engine, glued) {
  const hits = findHits(data, engine.prefilter);
  if (hits.length === 0) return [];
  const scan = startScan(data, engine, glued);
  const located = [];
  let decodedUpTo = 0;
  const encodedAt = /* @__PURE__ */ new Set();
  for (const hit of hits) {
    if (hit.needle.encoding === "plain") {
      located.push(...matchPlainHit(scan, hit));
    } else if (hit.needle.encoding === "escape") {
      located.push(...matchEscapeHit(scan, hit));
    } else if (hit.offset >= decodedUpTo) {
      const run = base64RunAround(data, hit.offset, decodedUpTo);
      const lines = wrappedLines(data, run, decodedUpTo);
      const end = lines[lines.length - 1]?.end ?? run.end;
      decodedUpTo = isBase64Byte(data[end]) ? Math.max(hit.offset + 1, end - base64CutOverlap) : end;
      for (const key of keysInBase64Around(data, run, lines, engine, glued)) {
        const id = `${key.at}\0${key.key}`;
        if (encodedAt.has(id)) continue;
        encodedAt.add(id);
        located.push(key);
      }
    }
  }
  return preferDecoded(data, located);
}
function detectKeys(data, engine, options = {}) {
  const ownedFrom = options.ownedFrom ?? 0;
  const ownedTo = options.ownedTo ?? data.length;
  const seen = /* @__PURE__ */ new Set();
  const candidates = locateKeys(data, engine, options.glued ?? false).filter((match) => {
    const id = `${match.rule.id}\0${match.start}\0${match.key}`;
    if (seen.has(id) || match.at < ownedFrom || match.at >= ownedTo) return false;
    seen.add(id);
    const body = bodyOf(match.key, match.rule);
    return placeholderReason(body, match.rule.minEntropy, options.placeholderWords ?? true, bodyAlphabet(match.rule)) === void 0;
  });
  if (candidates.length === 0) return [];
  candidates.sort((a, b) => a.start - b.start);
  const locator = new LineLocator(data, options.startLine ?? 1, options.firstLineColumnOffset ?? 0);
  const results = [];
  const inlineAllow = options.inlineAllow ?? true;
  for (const match of candidates) {
    const lineStart = locator.lineStart(match.start);
    if (inlineAllow && lineStart === 0 && options.firstLineAllowed) continue;
    if (inlineAllow && containsInlineAllow(data.subarray(lineStart, locator.lineEnd(match.start)))) continue;
    const carried = match.encoding && match.start === 0 ? options.continuedBase64 : void 0;
    const line = carried?.line ?? locator.lineAt(match.start);
    const column = carried?.column ?? locator.columnAt(match.start);
    results.push({
      rule: match.rule,
      key: match.key,
      start: match.start,
      end: match.end,
      line,
      column,
      endColumn: locator.columnAt(match.start) + locator.utf16Length(match.start, match.end),
      ...match.encoding ? { encoding: match.encoding } : {},
      ...match.atEnd !== void 0 ? { encoded: { start: match.at, end: match.atEnd } } : {},
      ...match.container ? { container: match.container } : {}
    });
  }
  return results;
}

// src/core/secret.ts
var redactedOnly = /* @__PURE__ */ Symbol("redacted only");
var Secret = class _Secret {
  #raw;
  #prefix;
  /** Redacted form: the rule's prefix plus at most four characters at each end of the body. */
  redacted;
  /** False when only the redacted form is known (see `fromRedacted`). */
  known;
  constructor(raw2, prefix) {
    this.#raw = raw2;
    this.#prefix = prefix === redactedOnly ? "" : prefix;
    this.known = prefix !== redactedOnly;
    this.redacted = prefix === redactedOnly ? raw2 : redact(raw2, prefix);
  }
  /**
   * A key known only by its redacted form: a finding read back from a report that holds no
   * key, where the key could not be found again. `reveal()` gives the redacted form, so even
   * `--show-secrets` prints nothing usable; such a key must never be sent to a provider.
   */
  static fromRedacted(redacted) {
    return new _Secret(redactedShape.test(redacted) ? redacted : "\u2026", redactedOnly);
  }
  /** The raw key. Call only where the key must leave the process on purpose (`--show-secrets`, verification). */
  reveal() {
    return this.#raw;
  }
  /**
   * `text` (a provider's answer, say) with this key replaced by its redacted form in every shape
   * it may be echoed in: as it is or in another case, without its prefix, and base64-encoded
   * (standard or URL-safe, at any alignment, so inside `base64("user:" + key)` too).
   */
  maskIn(text) {
    if (!this.known) return text;
    const body = this.#raw.startsWith(this.#prefix) ? this.#raw.slice(this.#prefix.length) : this.#raw;
    const plain = [this.#raw, body].filter((form, index) => index === 0 || form !== this.#raw && form.length >= minEchoedLength);
    let masked = text;
    for (const form of plain) masked = masked.replace(new RegExp(form.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&"), "gi"), this.redacted);
    for (const form of plain.flatMap(base64Shapes)) masked = masked.replaceAll(form, this.redacted);
    return masked;
  }
  toString() {
    return this.redacted;
  }
  toJSON() {
    return this.redacted;
  }
  [/* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom")]() {
    return `Secret(${this.redacted})`;
  }
};
var minEchoedLength = 8;
function base64Shapes(text) {
  const bytes = Buffer.from(text, "utf8");
  const shapes = [0, 1, 2].map((shift) => {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString("base64");
    return encoded.slice(Math.ceil(shift * 8 / 6), Math.floor((shift + bytes.length) * 8 / 6));
  });
  const urlSafe = shapes.map((shape) => shape.replace(/\+/g, "-").replace(/\//g, "_"));
  return [.../* @__PURE__ */ new Set([...shapes, ...urlSafe])].filter((shape) => shape.length >= minEchoedLength);
}
var redactedShape = /^[A-Za-z0-9_-]{0,24}…[A-Za-z0-9_-]{0,4}$/;
function redact(raw2, prefix) {
  const body = raw2.startsWith(prefix) ? raw2.slice(prefix.length) : raw2;
  const head = raw2.startsWith(prefix) ? prefix : "";
  const keep = Math.min(4, Math.floor(body.length / 4));
  if (keep === 0) return `${head}\u2026`;
  return `${head}${body.slice(0, keep)}\u2026${body.slice(-keep)}`;
}

// src/detect/mask.ts
import { createHash } from "node:crypto";
var hashDigits = 12;
function maskKey(key, prefix, style) {
  if (style === "redacted") return redact(key, prefix);
  const head = key.startsWith(prefix) ? prefix : "";
  if (style === "stars") return head + "*".repeat(key.length - head.length);
  return `${head}[sha256:${createHash("sha256").update(key, "utf8").digest("hex").slice(0, hashDigits)}]`;
}
function maskEncodedKey(key, prefix, style) {
  return `[base64:${maskKey(key, prefix, style)}]`;
}

// src/detect/redact-text.ts
var messageOptions = { inlineAllow: false, placeholderWords: false };
var keywordBytes = /* @__PURE__ */ new WeakMap();
function keywordsOf(engine) {
  let found = keywordBytes.get(engine);
  if (!found) {
    found = [...new Set(engine.rules.flatMap((rule) => rule.keywords))].filter((keyword) => keyword !== "").map((keyword) => Buffer.from(keyword, "utf8"));
    keywordBytes.set(engine, found);
  }
  return found;
}
function detachedKeywords(bytes, keywords) {
  let copy;
  for (const keyword of keywords) {
    for (let at = bytes.indexOf(keyword, 1); at !== -1; at = bytes.indexOf(keyword, at + 1)) {
      const before = bytes[at - 1] ?? 0;
      if (before > 32 && before < 127) (copy ??= Buffer.from(bytes))[at - 1] = 32;
    }
  }
  return copy;
}
var continuedBody = /[A-Za-z0-9]{16,}/y;
function continuedKeys(bytes, engine) {
  const text = bytes.toString("latin1");
  const spans = [];
  for (const rule of engine.rules) {
    if (!rule.anchored || rule.prefix === "") continue;
    for (let at = text.indexOf(rule.prefix); at !== -1; at = text.indexOf(rule.prefix, Math.max(at + 1, continuedBody.lastIndex))) {
      continuedBody.lastIndex = at + rule.prefix.length;
      const body = continuedBody.exec(text)?.[0];
      if (body === void 0 || placeholderReason(body, rule.minEntropy, false) !== void 0) continue;
      spans.push({ start: at, end: continuedBody.lastIndex, key: rule.prefix + body, prefix: rule.prefix, encoded: false });
    }
  }
  return spans;
}
function spanOf(match) {
  const where = match.encoded ?? match;
  return { start: where.start, end: where.end, key: match.key, prefix: match.rule.prefix, encoded: match.encoding !== void 0 };
}
function keySpans(bytes, engine) {
  const spans = [...detectKeys(bytes, engine, messageOptions).map(spanOf), ...continuedKeys(bytes, engine)];
  const detached = detachedKeywords(bytes, keywordsOf(engine));
  if (detached) spans.push(...detectKeys(detached, engine, messageOptions).filter((match) => !match.encoding).map(spanOf));
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}
function redactKeys(text, engine, onKey) {
  const bytes = Buffer.from(text, "utf8");
  const spans = keySpans(bytes, engine);
  if (spans.length === 0) return text;
  let out = "";
  let at = 0;
  for (const span of spans) {
    onKey?.(span.key);
    const found = bytes.toString("utf8", span.start, span.end);
    out += bytes.toString("utf8", at, span.start) + (span.encoded ? maskEncodedKey(span.key, span.prefix, "redacted") : redact(found, span.prefix));
    at = span.end;
  }
  return out + bytes.toString("utf8", at);
}
function redactKeyLikeTokens(text, prefixes) {
  if (prefixes.length === 0) return text;
  const escaped = prefixes.map((prefix) => prefix.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&"));
  return text.replace(new RegExp(`(${escaped.join("|")})[A-Za-z0-9_-]{4,}`, "g"), (_token, prefix) => `${prefix}\u2026`);
}

// node_modules/@octokit/plugin-retry/dist-bundle/index.js
var import_light = __toESM(require_light(), 1);

// node_modules/@octokit/request-error/dist-src/index.js
var RequestError = class extends Error {
  name;
  /**
   * http status code
   */
  status;
  /**
   * Request options that lead to the error.
   */
  request;
  /**
   * Response object if a response was received
   */
  response;
  constructor(message, statusCode, options) {
    super(message, { cause: options.cause });
    this.name = "HttpError";
    this.status = Number.parseInt(statusCode);
    if (Number.isNaN(this.status)) {
      this.status = 0;
    }
    if ("response" in options) {
      this.response = options.response;
    }
    const requestCopy = Object.assign({}, options.request);
    if (options.request.headers.authorization) {
      requestCopy.headers = Object.assign({}, options.request.headers, {
        authorization: options.request.headers.authorization.replace(
          /(?<! ) .*$/,
          " [REDACTED]"
        )
      });
    }
    requestCopy.url = requestCopy.url.replace(/\bclient_secret=\w+/g, "client_secret=[REDACTED]").replace(/\baccess_token=\w+/g, "access_token=[REDACTED]");
    this.request = requestCopy;
  }
};

// node_modules/@octokit/plugin-retry/dist-bundle/index.js
var VERSION = "0.0.0-development";
function isRequestError(error2) {
  return error2.request !== void 0;
}
async function errorRequest(state, octokit, error2, options) {
  if (!isRequestError(error2) || !error2?.request.request) {
    throw error2;
  }
  if (error2.status >= 400 && !state.doNotRetry.includes(error2.status)) {
    const retries = options.request.retries != null ? options.request.retries : state.retries;
    const retryAfter = Math.pow((options.request.retryCount || 0) + 1, 2);
    throw octokit.retry.retryRequest(error2, retries, retryAfter);
  }
  throw error2;
}
async function wrapRequest(state, octokit, request2, options) {
  const limiter = new import_light.default();
  limiter.on("failed", function(error2, info) {
    const maxRetries = ~~error2.request.request?.retries;
    const after = ~~error2.request.request?.retryAfter;
    options.request.retryCount = info.retryCount + 1;
    if (maxRetries > info.retryCount) {
      return after * state.retryAfterBaseValue;
    }
  });
  return limiter.schedule(
    requestWithGraphqlErrorHandling.bind(null, state, octokit, request2),
    options
  );
}
async function requestWithGraphqlErrorHandling(state, octokit, request2, options) {
  const response = await request2(options);
  if (response.data && response.data.errors && response.data.errors.length > 0 && /Something went wrong while executing your query/.test(
    response.data.errors[0].message
  )) {
    const error2 = new RequestError(response.data.errors[0].message, 500, {
      request: options,
      response
    });
    return errorRequest(state, octokit, error2, options);
  }
  return response;
}
function retry(octokit, octokitOptions) {
  const state = Object.assign(
    {
      enabled: true,
      retryAfterBaseValue: 1e3,
      doNotRetry: [400, 401, 403, 404, 410, 422, 451],
      retries: 3
    },
    octokitOptions.retry
  );
  const retryPlugin = {
    retry: {
      retryRequest: (error2, retries, retryAfter) => {
        error2.request.request = Object.assign({}, error2.request.request, {
          retries,
          retryAfter
        });
        return error2;
      }
    }
  };
  if (state.enabled) {
    octokit.hook.error("request", errorRequest.bind(null, state, retryPlugin));
    octokit.hook.wrap("request", wrapRequest.bind(null, state, retryPlugin));
  }
  return retryPlugin;
}
retry.VERSION = VERSION;

// node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var import_light2 = __toESM(require_light(), 1);
var VERSION2 = "0.0.0-development";
var noop = () => Promise.resolve();
function wrapRequest2(state, request2, options) {
  return state.retryLimiter.schedule(doRequest, state, request2, options);
}
async function doRequest(state, request2, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request2.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request2, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error2) => error2.type === "RATE_LIMITED")) {
      const error2 = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error2;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck2, common) {
  groups.global = new Bottleneck2.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck2.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck2.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck2.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck2.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck: Bottleneck2 = import_light2.default,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck2, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck2();
    const events = {};
    const emitter = new Bottleneck2.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error2, info) {
      const [state2, request2, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error2.status !== 401;
      if (!(shouldRetryGraphQL || error2.status === 403 || error2.status === 429)) {
        return;
      }
      const retryCount = ~~request2.retryCount;
      request2.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error2.message)) {
          const retryAfter2 = Number(error2.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error2.response.headers != null && error2.response.headers["x-ratelimit-remaining"] === "0" || (error2.response.data?.errors ?? []).some(
          (error22) => error22.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error2.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request2.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request2, options) => {
    initializeBottleneck();
    return wrapRequest2(state, request2, options);
  });
  return {};
}
throttling.VERSION = VERSION2;
throttling.triggersNotification = triggersNotification;

// node_modules/universal-user-agent/index.js
function getUserAgent() {
  if (typeof navigator === "object" && "userAgent" in navigator) {
    return navigator.userAgent;
  }
  if (typeof process === "object" && process.version !== void 0) {
    return `Node.js/${process.version.substr(1)} (${process.platform}; ${process.arch})`;
  }
  return "<environment undetectable>";
}

// node_modules/before-after-hook/lib/register.js
function register(state, name, method, options) {
  if (typeof method !== "function") {
    throw new Error("method for before hook must be a function");
  }
  if (!options) {
    options = {};
  }
  if (Array.isArray(name)) {
    return name.reverse().reduce((callback, name2) => {
      return register.bind(null, state, name2, callback, options);
    }, method)();
  }
  return Promise.resolve().then(() => {
    if (!state.registry[name]) {
      return method(options);
    }
    return state.registry[name].reduce((method2, registered) => {
      return registered.hook.bind(null, method2, options);
    }, method)();
  });
}

// node_modules/before-after-hook/lib/add.js
function addHook(state, kind, name, hook2) {
  const orig = hook2;
  if (!state.registry[name]) {
    state.registry[name] = [];
  }
  if (kind === "before") {
    hook2 = (method, options) => {
      return Promise.resolve().then(orig.bind(null, options)).then(method.bind(null, options));
    };
  }
  if (kind === "after") {
    hook2 = (method, options) => {
      let result;
      return Promise.resolve().then(method.bind(null, options)).then((result_) => {
        result = result_;
        return orig(result, options);
      }).then(() => {
        return result;
      });
    };
  }
  if (kind === "error") {
    hook2 = (method, options) => {
      return Promise.resolve().then(method.bind(null, options)).catch((error2) => {
        return orig(error2, options);
      });
    };
  }
  state.registry[name].push({
    hook: hook2,
    orig
  });
}

// node_modules/before-after-hook/lib/remove.js
function removeHook(state, name, method) {
  if (!state.registry[name]) {
    return;
  }
  const index = state.registry[name].map((registered) => {
    return registered.orig;
  }).indexOf(method);
  if (index === -1) {
    return;
  }
  state.registry[name].splice(index, 1);
}

// node_modules/before-after-hook/index.js
var bind = Function.bind;
var bindable = bind.bind(bind);
function bindApi(hook2, state, name) {
  const removeHookRef = bindable(removeHook, null).apply(
    null,
    name ? [state, name] : [state]
  );
  hook2.api = { remove: removeHookRef };
  hook2.remove = removeHookRef;
  ["before", "error", "after", "wrap"].forEach((kind) => {
    const args = name ? [state, kind, name] : [state, kind];
    hook2[kind] = hook2.api[kind] = bindable(addHook, null).apply(null, args);
  });
}
function Singular() {
  const singularHookName = /* @__PURE__ */ Symbol("Singular");
  const singularHookState = {
    registry: {}
  };
  const singularHook = register.bind(null, singularHookState, singularHookName);
  bindApi(singularHook, singularHookState, singularHookName);
  return singularHook;
}
function Collection() {
  const state = {
    registry: {}
  };
  const hook2 = register.bind(null, state);
  bindApi(hook2, state);
  return hook2;
}
var before_after_hook_default = { Singular, Collection };

// node_modules/@octokit/endpoint/dist-bundle/index.js
var VERSION3 = "0.0.0-development";
var userAgent = `octokit-endpoint.js/${VERSION3} ${getUserAgent()}`;
var DEFAULTS = {
  method: "GET",
  baseUrl: "https://api.github.com",
  headers: {
    accept: "application/vnd.github.v3+json",
    "user-agent": userAgent
  },
  mediaType: {
    format: ""
  }
};
function lowercaseKeys(object) {
  if (!object) {
    return {};
  }
  return Object.keys(object).reduce((newObj, key) => {
    newObj[key.toLowerCase()] = object[key];
    return newObj;
  }, {});
}
function isPlainObject(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}
function mergeDeep(defaults, options) {
  const result = Object.assign({}, defaults);
  Object.keys(options).forEach((key) => {
    if (isPlainObject(options[key])) {
      if (!(key in defaults)) Object.assign(result, { [key]: options[key] });
      else result[key] = mergeDeep(defaults[key], options[key]);
    } else {
      Object.assign(result, { [key]: options[key] });
    }
  });
  return result;
}
function removeUndefinedProperties(obj) {
  for (const key in obj) {
    if (obj[key] === void 0) {
      delete obj[key];
    }
  }
  return obj;
}
function merge(defaults, route, options) {
  if (typeof route === "string") {
    let [method, url] = route.split(" ");
    options = Object.assign(url ? { method, url } : { url: method }, options);
  } else {
    options = Object.assign({}, route);
  }
  options.headers = lowercaseKeys(options.headers);
  removeUndefinedProperties(options);
  removeUndefinedProperties(options.headers);
  const mergedOptions = mergeDeep(defaults || {}, options);
  if (options.url === "/graphql") {
    if (defaults && defaults.mediaType.previews?.length) {
      mergedOptions.mediaType.previews = defaults.mediaType.previews.filter(
        (preview) => !mergedOptions.mediaType.previews.includes(preview)
      ).concat(mergedOptions.mediaType.previews);
    }
    mergedOptions.mediaType.previews = (mergedOptions.mediaType.previews || []).map((preview) => preview.replace(/-preview/, ""));
  }
  return mergedOptions;
}
function addQueryParameters(url, parameters) {
  const separator = /\?/.test(url) ? "&" : "?";
  const names2 = Object.keys(parameters);
  if (names2.length === 0) {
    return url;
  }
  return url + separator + names2.map((name) => {
    if (name === "q") {
      return "q=" + parameters.q.split("+").map(encodeURIComponent).join("+");
    }
    return `${name}=${encodeURIComponent(parameters[name])}`;
  }).join("&");
}
var urlVariableRegex = /\{[^{}}]+\}/g;
function removeNonChars(variableName) {
  return variableName.replace(/(?:^\W+)|(?:(?<!\W)\W+$)/g, "").split(/,/);
}
function extractUrlVariableNames(url) {
  const matches = url.match(urlVariableRegex);
  if (!matches) {
    return [];
  }
  return matches.map(removeNonChars).reduce((a, b) => a.concat(b), []);
}
function omit(object, keysToOmit) {
  const result = { __proto__: null };
  for (const key of Object.keys(object)) {
    if (keysToOmit.indexOf(key) === -1) {
      result[key] = object[key];
    }
  }
  return result;
}
function encodeReserved(str) {
  return str.split(/(%[0-9A-Fa-f]{2})/g).map(function(part) {
    if (!/%[0-9A-Fa-f]/.test(part)) {
      part = encodeURI(part).replace(/%5B/g, "[").replace(/%5D/g, "]");
    }
    return part;
  }).join("");
}
function encodeUnreserved(str) {
  return encodeURIComponent(str).replace(/[!'()*]/g, function(c) {
    return "%" + c.charCodeAt(0).toString(16).toUpperCase();
  });
}
function encodeValue(operator, value, key) {
  value = operator === "+" || operator === "#" ? encodeReserved(value) : encodeUnreserved(value);
  if (key) {
    return encodeUnreserved(key) + "=" + value;
  } else {
    return value;
  }
}
function isDefined(value) {
  return value !== void 0 && value !== null;
}
function isKeyOperator(operator) {
  return operator === ";" || operator === "&" || operator === "?";
}
function getValues(context, operator, key, modifier) {
  var value = context[key], result = [];
  if (isDefined(value) && value !== "") {
    if (typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
      value = value.toString();
      if (modifier && modifier !== "*") {
        value = value.substring(0, parseInt(modifier, 10));
      }
      result.push(
        encodeValue(operator, value, isKeyOperator(operator) ? key : "")
      );
    } else {
      if (modifier === "*") {
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            result.push(
              encodeValue(operator, value2, isKeyOperator(operator) ? key : "")
            );
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              result.push(encodeValue(operator, value[k], k));
            }
          });
        }
      } else {
        const tmp = [];
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            tmp.push(encodeValue(operator, value2));
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              tmp.push(encodeUnreserved(k));
              tmp.push(encodeValue(operator, value[k].toString()));
            }
          });
        }
        if (isKeyOperator(operator)) {
          result.push(encodeUnreserved(key) + "=" + tmp.join(","));
        } else if (tmp.length !== 0) {
          result.push(tmp.join(","));
        }
      }
    }
  } else {
    if (operator === ";") {
      if (isDefined(value)) {
        result.push(encodeUnreserved(key));
      }
    } else if (value === "" && (operator === "&" || operator === "?")) {
      result.push(encodeUnreserved(key) + "=");
    } else if (value === "") {
      result.push("");
    }
  }
  return result;
}
function parseUrl(template) {
  return {
    expand: expand.bind(null, template)
  };
}
function expand(template, context) {
  var operators = ["+", "#", ".", "/", ";", "?", "&"];
  template = template.replace(
    /\{([^\{\}]+)\}|([^\{\}]+)/g,
    function(_, expression, literal) {
      if (expression) {
        let operator = "";
        const values = [];
        if (operators.indexOf(expression.charAt(0)) !== -1) {
          operator = expression.charAt(0);
          expression = expression.substr(1);
        }
        expression.split(/,/g).forEach(function(variable) {
          var tmp = /([^:\*]*)(?::(\d+)|(\*))?/.exec(variable);
          values.push(getValues(context, operator, tmp[1], tmp[2] || tmp[3]));
        });
        if (operator && operator !== "+") {
          var separator = ",";
          if (operator === "?") {
            separator = "&";
          } else if (operator !== "#") {
            separator = operator;
          }
          return (values.length !== 0 ? operator : "") + values.join(separator);
        } else {
          return values.join(",");
        }
      } else {
        return encodeReserved(literal);
      }
    }
  );
  if (template === "/") {
    return template;
  } else {
    return template.replace(/\/$/, "");
  }
}
function parse(options) {
  let method = options.method.toUpperCase();
  let url = (options.url || "/").replace(/:([a-z]\w+)/g, "{$1}");
  let headers = Object.assign({}, options.headers);
  let body;
  let parameters = omit(options, [
    "method",
    "baseUrl",
    "url",
    "headers",
    "request",
    "mediaType"
  ]);
  const urlVariableNames = extractUrlVariableNames(url);
  url = parseUrl(url).expand(parameters);
  if (!/^http/.test(url)) {
    url = options.baseUrl + url;
  }
  const omittedParameters = Object.keys(options).filter((option) => urlVariableNames.includes(option)).concat("baseUrl");
  const remainingParameters = omit(parameters, omittedParameters);
  const isBinaryRequest = /application\/octet-stream/i.test(headers.accept);
  if (!isBinaryRequest) {
    if (options.mediaType.format) {
      headers.accept = headers.accept.split(/,/).map(
        (format2) => format2.replace(
          /application\/vnd(\.\w+)(\.v3)?(\.\w+)?(\+json)?$/,
          `application/vnd$1$2.${options.mediaType.format}`
        )
      ).join(",");
    }
    if (url.endsWith("/graphql")) {
      if (options.mediaType.previews?.length) {
        const previewsFromAcceptHeader = headers.accept.match(/(?<![\w-])[\w-]+(?=-preview)/g) || [];
        headers.accept = previewsFromAcceptHeader.concat(options.mediaType.previews).map((preview) => {
          const format2 = options.mediaType.format ? `.${options.mediaType.format}` : "+json";
          return `application/vnd.github.${preview}-preview${format2}`;
        }).join(",");
      }
    }
  }
  if (["GET", "HEAD"].includes(method)) {
    url = addQueryParameters(url, remainingParameters);
  } else {
    if ("data" in remainingParameters) {
      body = remainingParameters.data;
    } else {
      if (Object.keys(remainingParameters).length) {
        body = remainingParameters;
      }
    }
  }
  if (!headers["content-type"] && typeof body !== "undefined") {
    headers["content-type"] = "application/json; charset=utf-8";
  }
  if (["PATCH", "PUT"].includes(method) && typeof body === "undefined") {
    body = "";
  }
  return Object.assign(
    { method, url, headers },
    typeof body !== "undefined" ? { body } : null,
    options.request ? { request: options.request } : null
  );
}
function endpointWithDefaults(defaults, route, options) {
  return parse(merge(defaults, route, options));
}
function withDefaults(oldDefaults, newDefaults) {
  const DEFAULTS2 = merge(oldDefaults, newDefaults);
  const endpoint2 = endpointWithDefaults.bind(null, DEFAULTS2);
  return Object.assign(endpoint2, {
    DEFAULTS: DEFAULTS2,
    defaults: withDefaults.bind(null, DEFAULTS2),
    merge: merge.bind(null, DEFAULTS2),
    parse
  });
}
var endpoint = withDefaults(null, DEFAULTS);

// node_modules/content-type/dist/index.js
var SP = 32;
var HTAB = 9;
var SEMI = 59;
var EQ = 61;
var DQUOTE = 34;
var BSLASH = 92;
var COMMA = 44;
var LOWER_CASE = 1;
var OWS = 2;
var SEMI_FLAG = 4;
var COMMA_FLAG = 8;
var TOKEN_FLAG = 16;
var NON_ASCII = 65280;
var CASE_FLAGS = LOWER_CASE | NON_ASCII;
var CHAR_MAP = new Uint8Array(256);
CHAR_MAP[HTAB] |= OWS;
CHAR_MAP[SP] |= OWS;
CHAR_MAP[SEMI] |= SEMI_FLAG;
CHAR_MAP[COMMA] |= COMMA_FLAG;
for (let code2 = 128; code2 <= 255; code2++) {
  CHAR_MAP[code2] |= LOWER_CASE;
}
for (const char of "!#$%&'*+-.^_`|~") {
  CHAR_MAP[char.charCodeAt(0)] |= TOKEN_FLAG;
}
for (let code2 = 48; code2 <= 57; code2++) {
  CHAR_MAP[code2] |= TOKEN_FLAG;
}
for (let code2 = 65; code2 <= 90; code2++) {
  CHAR_MAP[code2] |= LOWER_CASE | TOKEN_FLAG;
}
for (let code2 = 97; code2 <= 122; code2++) {
  CHAR_MAP[code2] |= TOKEN_FLAG;
}
var NullObject = /* @__PURE__ */ (() => {
  const C = function() {
  };
  C.prototype = /* @__PURE__ */ Object.create(null);
  return C;
})();
function parse2(header2, options) {
  const stopFlags = SEMI_FLAG | (options?.comma === true ? COMMA_FLAG : 0);
  const len = header2.length;
  let valueStart = options?.start ?? 0;
  while ((CHAR_MAP[header2.charCodeAt(valueStart)] & OWS) !== 0) {
    valueStart++;
  }
  let index = valueStart;
  let typeFlags = 0;
  let whitespace = -1;
  let stop = options?.parameters === false ? COMMA_FLAG : 0;
  while (index < len) {
    const code2 = header2.charCodeAt(index);
    const flags = CHAR_MAP[code2];
    if ((flags & stopFlags) !== 0) {
      stop |= flags & COMMA_FLAG;
      break;
    }
    if ((flags & OWS) !== 0) {
      if (whitespace === -1)
        whitespace = index;
    } else {
      whitespace = -1;
    }
    typeFlags |= code2 & NON_ASCII | flags;
    index++;
  }
  const valueEnd = whitespace === -1 ? index : whitespace;
  const value = header2.slice(valueStart, valueEnd);
  const type = (typeFlags & CASE_FLAGS) === 0 ? value : value.toLowerCase();
  if (index === len || stop !== 0) {
    return { type, index, parameters: new NullObject() };
  }
  return parseParameters(header2, type, index, len, stopFlags);
}
function parseParameters(header2, type, index, len, stopFlags) {
  const parameters = new NullObject();
  parameter: while (index < len) {
    index++;
    while ((CHAR_MAP[header2.charCodeAt(index)] & OWS) !== 0) {
      index++;
    }
    const keyStart = index;
    let keyFlags = 0;
    let keyWhitespace = -1;
    while (index < len) {
      const code2 = header2.charCodeAt(index);
      const flags = CHAR_MAP[code2];
      if ((flags & stopFlags) !== 0) {
        if ((flags & COMMA_FLAG) !== 0)
          break parameter;
        continue parameter;
      }
      if (code2 === EQ) {
        const keyEnd = keyWhitespace === -1 ? index : keyWhitespace;
        const value = header2.slice(keyStart, keyEnd);
        const key = (keyFlags & CASE_FLAGS) === 0 ? value : value.toLowerCase();
        index++;
        while ((CHAR_MAP[header2.charCodeAt(index)] & OWS) !== 0) {
          index++;
        }
        if (index < len && header2.charCodeAt(index) === DQUOTE) {
          const quotedStart = ++index;
          let escaped = false;
          while (index < len) {
            const code3 = header2.charCodeAt(index);
            if (code3 === DQUOTE) {
              if (parameters[key] === void 0) {
                parameters[key] = escaped ? unescapeQuotedPairs(header2, quotedStart, index) : header2.slice(quotedStart, index);
              }
              index++;
              let stop2 = 0;
              while (index < len) {
                const code4 = header2.charCodeAt(index);
                const flags2 = CHAR_MAP[code4];
                if ((flags2 & stopFlags) !== 0) {
                  stop2 = flags2 & COMMA_FLAG;
                  break;
                }
                index++;
              }
              if (stop2 !== 0)
                break parameter;
              continue parameter;
            }
            if (code3 === BSLASH && index + 1 < len) {
              escaped = true;
              index += 2;
              continue;
            }
            index++;
          }
          continue parameter;
        }
        const valueStart = index;
        let stop = 0;
        let valueWhitespace = -1;
        while (index < len) {
          const code3 = header2.charCodeAt(index);
          const flags2 = CHAR_MAP[code3];
          if ((flags2 & stopFlags) !== 0) {
            stop = flags2 & COMMA_FLAG;
            break;
          }
          if ((flags2 & OWS) !== 0) {
            if (valueWhitespace === -1)
              valueWhitespace = index;
          } else {
            valueWhitespace = -1;
          }
          index++;
        }
        if (parameters[key] === void 0) {
          const valueEnd = valueWhitespace === -1 ? index : valueWhitespace;
          parameters[key] = header2.slice(valueStart, valueEnd);
        }
        if (stop !== 0)
          break parameter;
        continue parameter;
      }
      if ((flags & OWS) !== 0) {
        if (keyWhitespace === -1)
          keyWhitespace = index;
      } else {
        keyWhitespace = -1;
      }
      keyFlags |= code2 & NON_ASCII | flags;
      index++;
    }
  }
  return { type, index, parameters };
}
function unescapeQuotedPairs(str, start, end) {
  let result = "";
  for (let index = start; index < end; index++) {
    if (str.charCodeAt(index) === BSLASH) {
      result += str.slice(start, index);
      start = ++index;
    }
  }
  return result + str.slice(start, end);
}

// node_modules/json-with-bigint/json-with-bigint.js
var intRegex = /^-?\d+$/;
var noiseValue = /^-?\d+n+$/;
var originalStringify = JSON.stringify;
var originalParse = JSON.parse;
var customFormat = /^-?\d+n$/;
var bigIntsStringify = /([\[:])?"(-?\d+)n"($|\s*[,\}\]])/g;
var noiseStringify = /([\[:])?("-?\d+n+)n("$|"\s*[,\}\]])/g;
var isUnstringifiable = (val) => val === void 0 || typeof val === "function" || typeof val === "symbol";
var isRawJSON = (val) => val !== null && typeof val === "object" && val.constructor && val.constructor.name === "RawJSON";
var stringifyIteratively = (rootValue, replacer, spaceParam) => {
  let space = "";
  if (typeof spaceParam === "number") {
    space = " ".repeat(Math.min(10, Math.max(0, Math.floor(spaceParam))));
  } else if (typeof spaceParam === "string") {
    space = spaceParam.slice(0, 10);
  }
  const isFunctionReplacer = typeof replacer === "function";
  const propertyList = Array.isArray(replacer) ? new Set(replacer.map(String)) : null;
  const prepareVal = (parent, key, val) => {
    const isObject = val !== null && typeof val === "object";
    const hasToJSON = isObject && typeof val.toJSON === "function";
    if (hasToJSON) {
      val = val.toJSON(key);
    }
    const isNoise = typeof val === "string" && noiseValue.test(val);
    if (isNoise) return val + "n";
    const isBigInt = typeof val === "bigint";
    if (isBigInt) {
      const supportsRawJSON = "rawJSON" in JSON;
      if (supportsRawJSON) return JSON.rawJSON(val.toString());
      return val.toString() + "n";
    }
    if (isFunctionReplacer) {
      val = replacer.call(parent, key, val);
    }
    const isPostReplacerObject = val !== null && typeof val === "object";
    if (isPostReplacerObject) {
      const isPrimitiveWrapper = val instanceof Number || val instanceof String || val instanceof Boolean;
      if (isPrimitiveWrapper) {
        val = val.valueOf();
      }
    }
    return val;
  };
  const rootProcessed = prepareVal({ "": rootValue }, "", rootValue);
  if (isUnstringifiable(rootProcessed)) {
    return void 0;
  }
  const isRootPrimitive = rootProcessed === null || typeof rootProcessed !== "object";
  const isRootNativeRawJSON = isRawJSON(rootProcessed);
  if (isRootPrimitive || isRootNativeRawJSON) {
    return originalStringify(rootProcessed);
  }
  const chunks = [];
  let level2 = 0;
  const stack = [
    {
      parent: { "": rootProcessed },
      key: "",
      val: rootProcessed,
      isArray: Array.isArray(rootProcessed),
      keys: Array.isArray(rootProcessed) ? null : Object.keys(rootProcessed),
      index: 0,
      first: true
    }
  ];
  const visited = new WeakSet([rootProcessed]);
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    if (node.index === 0) {
      chunks.push(node.isArray ? "[" : "{");
      level2++;
    }
    let isDone = false;
    if (node.isArray) {
      if (node.index < node.val.length) {
        if (!node.first) chunks.push(",");
        if (space) chunks.push("\n" + space.repeat(level2));
        const childRaw = node.val[node.index];
        const childVal = prepareVal(node.val, String(node.index), childRaw);
        if (isUnstringifiable(childVal)) {
          chunks.push("null");
          node.first = false;
          node.index++;
        } else {
          const isComplexObject = childVal !== null && typeof childVal === "object";
          const isNativeRaw = isRawJSON(childVal);
          if (isComplexObject && !isNativeRaw) {
            if (visited.has(childVal)) {
              throw new TypeError("Converting circular structure to JSON");
            }
            visited.add(childVal);
            stack.push({
              parent: node.val,
              key: String(node.index),
              val: childVal,
              isArray: Array.isArray(childVal),
              keys: Array.isArray(childVal) ? null : Object.keys(childVal),
              index: 0,
              first: true
            });
            node.first = false;
            node.index++;
          } else {
            chunks.push(originalStringify(childVal));
            node.first = false;
            node.index++;
          }
        }
      } else {
        isDone = true;
      }
    } else {
      while (node.index < node.keys.length) {
        const k = node.keys[node.index++];
        const isFilteredOutByArray = propertyList && !propertyList.has(k);
        if (isFilteredOutByArray) continue;
        const childRaw = node.val[k];
        const childVal = prepareVal(node.val, k, childRaw);
        if (isUnstringifiable(childVal)) continue;
        if (!node.first) chunks.push(",");
        if (space) {
          chunks.push("\n" + space.repeat(level2) + originalStringify(k) + ": ");
        } else {
          chunks.push(originalStringify(k) + ":");
        }
        const isComplexObject = childVal !== null && typeof childVal === "object";
        const isNativeRaw = isRawJSON(childVal);
        if (isComplexObject && !isNativeRaw) {
          if (visited.has(childVal)) {
            throw new TypeError("Converting circular structure to JSON");
          }
          visited.add(childVal);
          stack.push({
            parent: node.val,
            key: k,
            val: childVal,
            isArray: Array.isArray(childVal),
            keys: Array.isArray(childVal) ? null : Object.keys(childVal),
            index: 0,
            first: true
          });
          node.first = false;
          break;
        } else {
          chunks.push(originalStringify(childVal));
          node.first = false;
        }
      }
      const isNodeFullyProcessed = node.index >= node.keys.length && stack[stack.length - 1] === node;
      if (isNodeFullyProcessed) {
        isDone = true;
      }
    }
    if (isDone) {
      level2--;
      if (!node.first && space) chunks.push("\n" + space.repeat(level2));
      chunks.push(node.isArray ? "]" : "}");
      visited.delete(node.val);
      stack.pop();
    }
  }
  return chunks.join("");
};
var JSONStringify = (value, replacer, space) => {
  try {
    const supportsRawJSON = "rawJSON" in JSON;
    if (supportsRawJSON) {
      return originalStringify(
        value,
        (key, val) => {
          if (typeof val === "bigint") return JSON.rawJSON(val.toString());
          const hasFunctionReplacer = typeof replacer === "function";
          if (hasFunctionReplacer) return replacer(key, val);
          const isKeyInArrayReplacer = Array.isArray(replacer) && replacer.includes(key);
          if (isKeyInArrayReplacer) return val;
          return val;
        },
        space
      );
    }
    if (!value) return originalStringify(value, replacer, space);
    const convertedToCustomJSON = originalStringify(
      value,
      (key, val) => {
        const isNoise = typeof val === "string" && noiseValue.test(val);
        if (isNoise) return val.toString() + "n";
        if (typeof val === "bigint") return val.toString() + "n";
        const hasFunctionReplacer = typeof replacer === "function";
        if (hasFunctionReplacer) return replacer(key, val);
        const isKeyInArrayReplacer = Array.isArray(replacer) && replacer.includes(key);
        if (isKeyInArrayReplacer) return val;
        return val;
      },
      space
    );
    const processedJSON = convertedToCustomJSON.replace(
      bigIntsStringify,
      "$1$2$3"
    );
    const denoisedJSON = processedJSON.replace(noiseStringify, "$1$2$3");
    return denoisedJSON;
  } catch (error2) {
    if (error2 instanceof RangeError) {
      const convertedJSON = stringifyIteratively(value, replacer, space);
      if (convertedJSON === void 0) return void 0;
      const supportsRawJSON = "rawJSON" in JSON;
      if (supportsRawJSON) return convertedJSON;
      const processedJSON = convertedJSON.replace(bigIntsStringify, "$1$2$3");
      return processedJSON.replace(noiseStringify, "$1$2$3");
    }
    throw error2;
  }
};
var featureCache = /* @__PURE__ */ new Map();
var isContextSourceSupported = () => {
  const parseFingerprint = JSON.parse.toString();
  if (featureCache.has(parseFingerprint)) {
    return featureCache.get(parseFingerprint);
  }
  try {
    const result = JSON.parse(
      "1",
      (_, __, context) => !!context?.source && context.source === "1"
    );
    featureCache.set(parseFingerprint, result);
    return result;
  } catch {
    featureCache.set(parseFingerprint, false);
    return false;
  }
};
var convertMarkedBigIntsReviver = (key, value, context, userReviver) => {
  const isCustomFormatBigInt = typeof value === "string" && customFormat.test(value);
  if (isCustomFormatBigInt) return BigInt(value.slice(0, -1));
  const isNoiseValue = typeof value === "string" && noiseValue.test(value);
  if (isNoiseValue) return value.slice(0, -1);
  const hasUserReviver = typeof userReviver === "function";
  if (!hasUserReviver) return value;
  return userReviver(key, value, context);
};
var JSONParseV2 = (text, reviver) => {
  return JSON.parse(text, (key, value, context) => {
    const isNumber = typeof value === "number";
    const isOutOfBounds = value > Number.MAX_SAFE_INTEGER || value < Number.MIN_SAFE_INTEGER;
    const isBigNumber = isNumber && isOutOfBounds;
    const isInt = context && intRegex.test(context.source);
    const isBigInt = isBigNumber && isInt;
    if (isBigInt) return BigInt(context.source);
    const hasCustomReviver = typeof reviver === "function";
    if (!hasCustomReviver) return value;
    return reviver(key, value, context);
  });
};
var MAX_INT = Number.MAX_SAFE_INTEGER.toString();
var MAX_DIGITS = MAX_INT.length;
var stringsOrLargeNumbers = /"(?:[^"\\]|\\.)*"|-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/g;
var noiseValueWithQuotes = /^"-?\d+n+"$/;
var applyReviverIteratively = (parsed, userReviver) => {
  const rootHolder = { "": parsed };
  const stack = [{ parent: rootHolder, key: "", visited: false }];
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    if (!node.visited) {
      node.visited = true;
      const value = node.parent[node.key];
      const isComplexObject = value !== null && typeof value === "object";
      if (isComplexObject) {
        const keys = Object.keys(value);
        for (let i = keys.length - 1; i >= 0; i--) {
          stack.push({ parent: value, key: keys[i], visited: false });
        }
      }
    } else {
      const { parent, key } = node;
      let value = parent[key];
      if (typeof value === "string") {
        const isCustomFormatBigInt = customFormat.test(value);
        if (isCustomFormatBigInt) {
          value = BigInt(value.slice(0, -1));
        } else {
          const isNoise = noiseValue.test(value);
          if (isNoise) value = value.slice(0, -1);
        }
      }
      const hasUserReviver = typeof userReviver === "function";
      if (hasUserReviver) {
        value = userReviver.call(parent, key, value);
      }
      const isDeleted = value === void 0;
      if (isDeleted) {
        delete parent[key];
      } else {
        parent[key] = value;
      }
      stack.pop();
    }
  }
  return rootHolder[""];
};
var serializeBigInts = (text) => {
  return text.replace(
    stringsOrLargeNumbers,
    (match, digits, fractional, exponential) => {
      const isString = match[0] === '"';
      const isNoise = isString && noiseValueWithQuotes.test(match);
      if (isNoise) return match.substring(0, match.length - 1) + 'n"';
      const hasFractionalOrExponential = fractional || exponential;
      const isLessThanMaxSafeInt = digits && (digits.length < MAX_DIGITS || digits.length === MAX_DIGITS && digits <= MAX_INT);
      const isStandardValue = isString || hasFractionalOrExponential || isLessThanMaxSafeInt;
      if (isStandardValue) return match;
      return '"' + match + 'n"';
    }
  );
};
var JSONParse = (text, reviver) => {
  if (!text) return originalParse(text, reviver);
  try {
    if (isContextSourceSupported()) return JSONParseV2(text, reviver);
    const serializedData = serializeBigInts(text);
    return originalParse(
      serializedData,
      (key, value, context) => convertMarkedBigIntsReviver(key, value, context, reviver)
    );
  } catch (error2) {
    if (error2 instanceof RangeError) {
      const serializedData = serializeBigInts(text);
      const parsed = originalParse(serializedData);
      return applyReviverIteratively(parsed, reviver);
    }
    throw error2;
  }
};

// node_modules/@octokit/request/dist-bundle/index.js
var VERSION4 = "10.0.16";
var defaults_default = {
  headers: {
    "user-agent": `octokit-request.js/${VERSION4} ${getUserAgent()}`
  }
};
function isPlainObject2(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}
var noop2 = () => "";
async function fetchWrapper(requestOptions) {
  const fetch2 = requestOptions.request?.fetch || globalThis.fetch;
  if (!fetch2) {
    throw new Error(
      "fetch is not set. Please pass a fetch implementation as new Octokit({ request: { fetch }}). Learn more at https://github.com/octokit/octokit.js/#fetch-missing"
    );
  }
  const log2 = requestOptions.request?.log || console;
  const parseSuccessResponseBody = requestOptions.request?.parseSuccessResponseBody !== false;
  const body = isPlainObject2(requestOptions.body) || Array.isArray(requestOptions.body) ? JSONStringify(requestOptions.body) : requestOptions.body;
  const requestHeaders = Object.fromEntries(
    Object.entries(requestOptions.headers).map(([name, value]) => [
      name,
      String(value)
    ])
  );
  let fetchResponse;
  try {
    fetchResponse = await fetch2(requestOptions.url, {
      method: requestOptions.method,
      body,
      redirect: requestOptions.request?.redirect,
      headers: requestHeaders,
      signal: requestOptions.request?.signal,
      // duplex must be set if request.body is ReadableStream or Async Iterables.
      // See https://fetch.spec.whatwg.org/#dom-requestinit-duplex.
      ...requestOptions.body && { duplex: "half" }
    });
  } catch (error2) {
    let message = "Unknown Error";
    if (error2 instanceof Error) {
      if (error2.name === "AbortError") {
        error2.status = 500;
        throw error2;
      }
      message = error2.message;
      if (error2.name === "TypeError" && "cause" in error2) {
        if (error2.cause instanceof Error) {
          message = error2.cause.message;
        } else if (typeof error2.cause === "string") {
          message = error2.cause;
        }
      }
    }
    const requestError = new RequestError(message, 500, {
      request: requestOptions
    });
    requestError.cause = error2;
    throw requestError;
  }
  const status = fetchResponse.status;
  const url = fetchResponse.url;
  const responseHeaders = {};
  for (const [key, value] of fetchResponse.headers) {
    responseHeaders[key] = value;
  }
  const octokitResponse = {
    url,
    status,
    headers: responseHeaders,
    data: ""
  };
  if ("deprecation" in responseHeaders) {
    const matches = responseHeaders.link && responseHeaders.link.match(/<([^<>]+)>; rel="deprecation"/);
    const deprecationLink = matches && matches.pop();
    log2.warn(
      `[@octokit/request] "${requestOptions.method} ${requestOptions.url}" is deprecated. It is scheduled to be removed on ${responseHeaders.sunset}${deprecationLink ? `. See ${deprecationLink}` : ""}`
    );
  }
  if (status === 204 || status === 205) {
    return octokitResponse;
  }
  if (requestOptions.method === "HEAD") {
    if (status < 400) {
      return octokitResponse;
    }
    throw new RequestError(fetchResponse.statusText, status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status === 304) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError("Not modified", status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status >= 400) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError(toErrorMessage(octokitResponse.data), status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  octokitResponse.data = parseSuccessResponseBody ? await getResponseData(fetchResponse) : fetchResponse.body;
  return octokitResponse;
}
async function getResponseData(response) {
  const contentType = response.headers.get("content-type");
  if (!contentType) {
    return response.text().catch(noop2);
  }
  const mimetype = parse2(contentType);
  if (isJSONResponse(mimetype)) {
    let text = "";
    try {
      text = await response.text();
      return JSONParse(text);
    } catch (err) {
      return text;
    }
  } else if (mimetype.type.startsWith("text/") || // `application/octet-stream` is the canonical "arbitrary binary" type
  // (RFC 2046) and must never be decoded as text, even when the response
  // carries a (misleading) `charset=utf-8` parameter — see #751.
  mimetype.parameters.charset?.toLowerCase() === "utf-8" && mimetype.type !== "application/octet-stream") {
    return response.text().catch(noop2);
  } else {
    return response.arrayBuffer().catch(
      /* v8 ignore next -- @preserve */
      () => new ArrayBuffer(0)
    );
  }
}
function isJSONResponse(mimetype) {
  return mimetype.type === "application/json" || mimetype.type === "application/scim+json";
}
function toErrorMessage(data) {
  if (typeof data === "string") {
    return data;
  }
  if (data instanceof ArrayBuffer) {
    return "Unknown error";
  }
  if (typeof data === "object" && data !== null && "message" in data) {
    const objectData = data;
    const suffix = "documentation_url" in objectData ? ` - ${objectData.documentation_url}` : "";
    return Array.isArray(objectData.errors) ? `${objectData.message}: ${objectData.errors.map((v) => JSON.stringify(v)).join(", ")}${suffix}` : `${objectData.message}${suffix}`;
  }
  return `Unknown error: ${JSON.stringify(data)}`;
}
function withDefaults2(oldEndpoint, newDefaults) {
  const endpoint2 = oldEndpoint.defaults(newDefaults);
  const newApi = function(route, parameters) {
    const endpointOptions = endpoint2.merge(route, parameters);
    if (!endpointOptions.request || !endpointOptions.request.hook) {
      return fetchWrapper(endpoint2.parse(endpointOptions));
    }
    const request2 = (route2, parameters2) => {
      return fetchWrapper(
        endpoint2.parse(endpoint2.merge(route2, parameters2))
      );
    };
    Object.assign(request2, {
      endpoint: endpoint2,
      defaults: withDefaults2.bind(null, endpoint2)
    });
    return endpointOptions.request.hook(request2, endpointOptions);
  };
  return Object.assign(newApi, {
    endpoint: endpoint2,
    defaults: withDefaults2.bind(null, endpoint2)
  });
}
var request = withDefaults2(endpoint, defaults_default);

// node_modules/@octokit/graphql/dist-bundle/index.js
var VERSION5 = "0.0.0-development";
function _buildMessageForResponseErrors(data) {
  return `Request failed due to following response errors:
` + data.errors.map((e) => ` - ${e.message}`).join("\n");
}
var GraphqlResponseError = class extends Error {
  constructor(request2, headers, response) {
    super(_buildMessageForResponseErrors(response));
    this.request = request2;
    this.headers = headers;
    this.response = response;
    this.errors = response.errors;
    this.data = response.data;
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, this.constructor);
    }
  }
  request;
  headers;
  response;
  name = "GraphqlResponseError";
  errors;
  data;
};
var NON_VARIABLE_OPTIONS = [
  "method",
  "baseUrl",
  "url",
  "headers",
  "request",
  "query",
  "mediaType",
  "operationName"
];
var FORBIDDEN_VARIABLE_OPTIONS = ["query", "method", "url"];
var GHES_V3_SUFFIX_REGEX = /\/api\/v3\/?$/;
function graphql(request2, query, options) {
  if (options) {
    if (typeof query === "string" && "query" in options) {
      return Promise.reject(
        new Error(`[@octokit/graphql] "query" cannot be used as variable name`)
      );
    }
    for (const key in options) {
      if (!FORBIDDEN_VARIABLE_OPTIONS.includes(key)) continue;
      return Promise.reject(
        new Error(
          `[@octokit/graphql] "${key}" cannot be used as variable name`
        )
      );
    }
  }
  const parsedOptions = typeof query === "string" ? Object.assign({ query }, options) : query;
  const requestOptions = Object.keys(
    parsedOptions
  ).reduce((result, key) => {
    if (NON_VARIABLE_OPTIONS.includes(key)) {
      result[key] = parsedOptions[key];
      return result;
    }
    if (!result.variables) {
      result.variables = {};
    }
    result.variables[key] = parsedOptions[key];
    return result;
  }, {});
  const baseUrl = parsedOptions.baseUrl || request2.endpoint.DEFAULTS.baseUrl;
  if (GHES_V3_SUFFIX_REGEX.test(baseUrl)) {
    requestOptions.url = baseUrl.replace(GHES_V3_SUFFIX_REGEX, "/api/graphql");
  }
  return request2(requestOptions).then((response) => {
    if (response.data.errors) {
      const headers = {};
      for (const key of Object.keys(response.headers)) {
        headers[key] = response.headers[key];
      }
      throw new GraphqlResponseError(
        requestOptions,
        headers,
        response.data
      );
    }
    return response.data.data;
  });
}
function withDefaults3(request2, newDefaults) {
  const newRequest = request2.defaults(newDefaults);
  const newApi = (query, options) => {
    return graphql(newRequest, query, options);
  };
  return Object.assign(newApi, {
    defaults: withDefaults3.bind(null, newRequest),
    endpoint: newRequest.endpoint
  });
}
var graphql2 = withDefaults3(request, {
  headers: {
    "user-agent": `octokit-graphql.js/${VERSION5} ${getUserAgent()}`
  },
  method: "POST",
  url: "/graphql"
});
function withCustomRequest(customRequest) {
  return withDefaults3(customRequest, {
    method: "POST",
    url: "/graphql"
  });
}

// node_modules/@octokit/auth-token/dist-bundle/index.js
var b64url = "(?:[a-zA-Z0-9_-]+)";
var sep = "\\.";
var jwtRE = new RegExp(`^${b64url}${sep}${b64url}${sep}${b64url}$`);
var isJWT = jwtRE.test.bind(jwtRE);
async function auth(token) {
  const isApp = isJWT(token);
  const isInstallation = token.startsWith("v1.") || token.startsWith("ghs_");
  const isUserToServer = token.startsWith("ghu_");
  const tokenType = isApp ? "app" : isInstallation ? "installation" : isUserToServer ? "user-to-server" : "oauth";
  return {
    type: "token",
    token,
    tokenType
  };
}
function withAuthorizationPrefix(token) {
  if (token.split(/\./).length === 3) {
    return `bearer ${token}`;
  }
  return `token ${token}`;
}
async function hook(token, request2, route, parameters) {
  const endpoint2 = request2.endpoint.merge(
    route,
    parameters
  );
  endpoint2.headers.authorization = withAuthorizationPrefix(token);
  return request2(endpoint2);
}
var createTokenAuth = function createTokenAuth2(token) {
  if (!token) {
    throw new Error("[@octokit/auth-token] No token passed to createTokenAuth");
  }
  if (typeof token !== "string") {
    throw new Error(
      "[@octokit/auth-token] Token passed to createTokenAuth is not a string"
    );
  }
  token = token.replace(/^(token|bearer) +/i, "");
  return Object.assign(auth.bind(null, token), {
    hook: hook.bind(null, token)
  });
};

// node_modules/@octokit/core/dist-src/version.js
var VERSION6 = "7.0.8";

// node_modules/@octokit/core/dist-src/index.js
var noop3 = () => {
};
var consoleWarn = console.warn.bind(console);
var consoleError = console.error.bind(console);
function createLogger(logger = {}) {
  if (typeof logger.debug !== "function") {
    logger.debug = noop3;
  }
  if (typeof logger.info !== "function") {
    logger.info = noop3;
  }
  if (typeof logger.warn !== "function") {
    logger.warn = consoleWarn;
  }
  if (typeof logger.error !== "function") {
    logger.error = consoleError;
  }
  return logger;
}
var userAgentTrail = `octokit-core.js/${VERSION6} ${getUserAgent()}`;
var Octokit = class {
  static VERSION = VERSION6;
  static defaults(defaults) {
    const OctokitWithDefaults = class extends this {
      constructor(...args) {
        const options = args[0] || {};
        if (typeof defaults === "function") {
          super(defaults(options));
          return;
        }
        super(
          Object.assign(
            {},
            defaults,
            options,
            options.userAgent && defaults.userAgent ? {
              userAgent: `${options.userAgent} ${defaults.userAgent}`
            } : null
          )
        );
      }
    };
    return OctokitWithDefaults;
  }
  static plugins = [];
  /**
   * Attach a plugin (or many) to your Octokit instance.
   *
   * @example
   * const API = Octokit.plugin(plugin1, plugin2, plugin3, ...)
   */
  static plugin(...newPlugins) {
    const currentPlugins = this.plugins;
    const NewOctokit = class extends this {
      static plugins = currentPlugins.concat(
        newPlugins.filter((plugin) => !currentPlugins.includes(plugin))
      );
    };
    return NewOctokit;
  }
  constructor(options = {}) {
    const hook2 = new before_after_hook_default.Collection();
    const requestDefaults = {
      baseUrl: request.endpoint.DEFAULTS.baseUrl,
      headers: {},
      request: Object.assign({}, options.request, {
        // @ts-ignore internal usage only, no need to type
        hook: hook2.bind(null, "request")
      }),
      mediaType: {
        previews: [],
        format: ""
      }
    };
    requestDefaults.headers["user-agent"] = options.userAgent ? `${options.userAgent} ${userAgentTrail}` : userAgentTrail;
    if (options.baseUrl) {
      requestDefaults.baseUrl = options.baseUrl;
    }
    if (options.previews) {
      requestDefaults.mediaType.previews = options.previews;
    }
    if (options.timeZone) {
      requestDefaults.headers["time-zone"] = options.timeZone;
    }
    this.request = request.defaults(requestDefaults);
    this.graphql = withCustomRequest(this.request).defaults(requestDefaults);
    this.log = createLogger(options.log);
    this.hook = hook2;
    if (!options.authStrategy) {
      if (!options.auth) {
        this.auth = async () => ({
          type: "unauthenticated"
        });
      } else {
        const auth2 = createTokenAuth(options.auth);
        hook2.wrap("request", auth2.hook);
        this.auth = auth2;
      }
    } else {
      const { authStrategy, ...otherOptions } = options;
      const auth2 = authStrategy(
        Object.assign(
          {
            request: this.request,
            log: this.log,
            // we pass the current octokit instance as well as its constructor options
            // to allow for authentication strategies that return a new octokit instance
            // that shares the same internal state as the current one. The original
            // requirement for this was the "event-octokit" authentication strategy
            // of https://github.com/probot/octokit-auth-probot.
            octokit: this,
            octokitOptions: otherOptions
          },
          options.auth
        )
      );
      hook2.wrap("request", auth2.hook);
      this.auth = auth2;
    }
    const classConstructor = this.constructor;
    for (let i = 0; i < classConstructor.plugins.length; ++i) {
      Object.assign(this, classConstructor.plugins[i](this, options));
    }
  }
  // assigned during constructor
  request;
  graphql;
  log;
  hook;
  // TODO: type `octokit.auth` based on passed options.authStrategy
  auth;
};

// node_modules/@octokit/plugin-request-log/dist-src/version.js
var VERSION7 = "6.0.0";

// node_modules/@octokit/plugin-request-log/dist-src/index.js
function requestLog(octokit) {
  octokit.hook.wrap("request", (request2, options) => {
    octokit.log.debug("request", options);
    const start = Date.now();
    const requestOptions = octokit.request.endpoint.parse(options);
    const path = requestOptions.url.replace(options.baseUrl, "");
    return request2(options).then((response) => {
      const requestId = response.headers["x-github-request-id"];
      octokit.log.info(
        `${requestOptions.method} ${path} - ${response.status} with id ${requestId} in ${Date.now() - start}ms`
      );
      return response;
    }).catch((error2) => {
      const requestId = error2.response?.headers["x-github-request-id"] || "UNKNOWN";
      octokit.log.error(
        `${requestOptions.method} ${path} - ${error2.status} with id ${requestId} in ${Date.now() - start}ms`
      );
      throw error2;
    });
  });
}
requestLog.VERSION = VERSION7;

// node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
var VERSION8 = "0.0.0-development";
function normalizePaginatedListResponse(response) {
  if (!response.data) {
    return {
      ...response,
      data: []
    };
  }
  const responseNeedsNormalization = ("total_count" in response.data || "total_commits" in response.data) && !("url" in response.data);
  if (!responseNeedsNormalization) return response;
  const incompleteResults = response.data.incomplete_results;
  const repositorySelection = response.data.repository_selection;
  const totalCount = response.data.total_count;
  const totalCommits = response.data.total_commits;
  delete response.data.incomplete_results;
  delete response.data.repository_selection;
  delete response.data.total_count;
  delete response.data.total_commits;
  const namespaceKey = Object.keys(response.data)[0];
  const data = response.data[namespaceKey];
  response.data = data;
  if (typeof incompleteResults !== "undefined") {
    response.data.incomplete_results = incompleteResults;
  }
  if (typeof repositorySelection !== "undefined") {
    response.data.repository_selection = repositorySelection;
  }
  response.data.total_count = totalCount;
  response.data.total_commits = totalCommits;
  return response;
}
function iterator(octokit, route, parameters) {
  const options = typeof route === "function" ? route.endpoint(parameters) : octokit.request.endpoint(route, parameters);
  const requestMethod = typeof route === "function" ? route : octokit.request;
  const method = options.method;
  const headers = options.headers;
  let url = options.url;
  return {
    [Symbol.asyncIterator]: () => ({
      async next() {
        if (!url) return { done: true };
        try {
          const response = await requestMethod({ method, url, headers });
          const normalizedResponse = normalizePaginatedListResponse(response);
          url = ((normalizedResponse.headers.link || "").match(
            /<([^<>]+)>;\s*rel="next"/
          ) || [])[1];
          if (!url && "total_commits" in normalizedResponse.data) {
            const parsedUrl = new URL(normalizedResponse.url);
            const params = parsedUrl.searchParams;
            const page = parseInt(params.get("page") || "1", 10);
            const per_page = parseInt(params.get("per_page") || "250", 10);
            if (page * per_page < normalizedResponse.data.total_commits) {
              params.set("page", String(page + 1));
              url = parsedUrl.toString();
            }
          }
          return { value: normalizedResponse };
        } catch (error2) {
          if (error2.status !== 409) throw error2;
          url = "";
          return {
            value: {
              status: 200,
              headers: {},
              data: []
            }
          };
        }
      }
    })
  };
}
function paginate(octokit, route, parameters, mapFn) {
  if (typeof parameters === "function") {
    mapFn = parameters;
    parameters = void 0;
  }
  return gather(
    octokit,
    [],
    iterator(octokit, route, parameters)[Symbol.asyncIterator](),
    mapFn
  );
}
function gather(octokit, results, iterator2, mapFn) {
  return iterator2.next().then((result) => {
    if (result.done) {
      return results;
    }
    let earlyExit = false;
    function done() {
      earlyExit = true;
    }
    results = results.concat(
      mapFn ? mapFn(result.value, done) : result.value.data
    );
    if (earlyExit) {
      return results;
    }
    return gather(octokit, results, iterator2, mapFn);
  });
}
var composePaginateRest = Object.assign(paginate, {
  iterator
});
function paginateRest(octokit) {
  return {
    paginate: Object.assign(paginate.bind(null, octokit), {
      iterator: iterator.bind(null, octokit)
    })
  };
}
paginateRest.VERSION = VERSION8;

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/version.js
var VERSION9 = "17.0.0";

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/generated/endpoints.js
var Endpoints = {
  actions: {
    addCustomLabelsToSelfHostedRunnerForOrg: [
      "POST /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    addCustomLabelsToSelfHostedRunnerForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    addRepoAccessToSelfHostedRunnerGroupInOrg: [
      "PUT /orgs/{org}/actions/runner-groups/{runner_group_id}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/actions/secrets/{secret_name}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgVariable: [
      "PUT /orgs/{org}/actions/variables/{name}/repositories/{repository_id}"
    ],
    approveWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/approve"
    ],
    cancelWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel"
    ],
    createEnvironmentVariable: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/variables"
    ],
    createHostedRunnerForOrg: ["POST /orgs/{org}/actions/hosted-runners"],
    createOrUpdateEnvironmentSecret: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    createOrUpdateOrgSecret: ["PUT /orgs/{org}/actions/secrets/{secret_name}"],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}"
    ],
    createOrgVariable: ["POST /orgs/{org}/actions/variables"],
    createRegistrationTokenForOrg: [
      "POST /orgs/{org}/actions/runners/registration-token"
    ],
    createRegistrationTokenForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/registration-token"
    ],
    createRemoveTokenForOrg: ["POST /orgs/{org}/actions/runners/remove-token"],
    createRemoveTokenForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/remove-token"
    ],
    createRepoVariable: ["POST /repos/{owner}/{repo}/actions/variables"],
    createWorkflowDispatch: [
      "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches"
    ],
    deleteActionsCacheById: [
      "DELETE /repos/{owner}/{repo}/actions/caches/{cache_id}"
    ],
    deleteActionsCacheByKey: [
      "DELETE /repos/{owner}/{repo}/actions/caches{?key,ref}"
    ],
    deleteArtifact: [
      "DELETE /repos/{owner}/{repo}/actions/artifacts/{artifact_id}"
    ],
    deleteCustomImageFromOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}"
    ],
    deleteCustomImageVersionFromOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions/{version}"
    ],
    deleteEnvironmentSecret: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    deleteEnvironmentVariable: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    deleteHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/actions/secrets/{secret_name}"],
    deleteOrgVariable: ["DELETE /orgs/{org}/actions/variables/{name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/actions/secrets/{secret_name}"
    ],
    deleteRepoVariable: [
      "DELETE /repos/{owner}/{repo}/actions/variables/{name}"
    ],
    deleteSelfHostedRunnerFromOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}"
    ],
    deleteSelfHostedRunnerFromRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}"
    ],
    deleteWorkflowRun: ["DELETE /repos/{owner}/{repo}/actions/runs/{run_id}"],
    deleteWorkflowRunLogs: [
      "DELETE /repos/{owner}/{repo}/actions/runs/{run_id}/logs"
    ],
    disableSelectedRepositoryGithubActionsOrganization: [
      "DELETE /orgs/{org}/actions/permissions/repositories/{repository_id}"
    ],
    disableWorkflow: [
      "PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/disable"
    ],
    downloadArtifact: [
      "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}"
    ],
    downloadJobLogsForWorkflowRun: [
      "GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs"
    ],
    downloadWorkflowRunAttemptLogs: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/logs"
    ],
    downloadWorkflowRunLogs: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/logs"
    ],
    enableSelectedRepositoryGithubActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/repositories/{repository_id}"
    ],
    enableWorkflow: [
      "PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/enable"
    ],
    forceCancelWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/force-cancel"
    ],
    generateRunnerJitconfigForOrg: [
      "POST /orgs/{org}/actions/runners/generate-jitconfig"
    ],
    generateRunnerJitconfigForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/generate-jitconfig"
    ],
    getActionsCacheList: ["GET /repos/{owner}/{repo}/actions/caches"],
    getActionsCacheUsage: ["GET /repos/{owner}/{repo}/actions/cache/usage"],
    getActionsCacheUsageByRepoForOrg: [
      "GET /orgs/{org}/actions/cache/usage-by-repository"
    ],
    getActionsCacheUsageForOrg: ["GET /orgs/{org}/actions/cache/usage"],
    getAllowedActionsOrganization: [
      "GET /orgs/{org}/actions/permissions/selected-actions"
    ],
    getAllowedActionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/selected-actions"
    ],
    getArtifact: ["GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}"],
    getCustomImageForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}"
    ],
    getCustomImageVersionForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions/{version}"
    ],
    getCustomOidcSubClaimForRepo: [
      "GET /repos/{owner}/{repo}/actions/oidc/customization/sub"
    ],
    getEnvironmentPublicKey: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key"
    ],
    getEnvironmentSecret: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    getEnvironmentVariable: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    getGithubActionsDefaultWorkflowPermissionsOrganization: [
      "GET /orgs/{org}/actions/permissions/workflow"
    ],
    getGithubActionsDefaultWorkflowPermissionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/workflow"
    ],
    getGithubActionsPermissionsOrganization: [
      "GET /orgs/{org}/actions/permissions"
    ],
    getGithubActionsPermissionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions"
    ],
    getHostedRunnerForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    getHostedRunnersGithubOwnedImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/github-owned"
    ],
    getHostedRunnersLimitsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/limits"
    ],
    getHostedRunnersMachineSpecsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/machine-sizes"
    ],
    getHostedRunnersPartnerImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/partner"
    ],
    getHostedRunnersPlatformsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/platforms"
    ],
    getJobForWorkflowRun: ["GET /repos/{owner}/{repo}/actions/jobs/{job_id}"],
    getOrgPublicKey: ["GET /orgs/{org}/actions/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/actions/secrets/{secret_name}"],
    getOrgVariable: ["GET /orgs/{org}/actions/variables/{name}"],
    getPendingDeploymentsForRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments"
    ],
    getRepoPermissions: [
      "GET /repos/{owner}/{repo}/actions/permissions",
      {},
      { renamed: ["actions", "getGithubActionsPermissionsRepository"] }
    ],
    getRepoPublicKey: ["GET /repos/{owner}/{repo}/actions/secrets/public-key"],
    getRepoSecret: ["GET /repos/{owner}/{repo}/actions/secrets/{secret_name}"],
    getRepoVariable: ["GET /repos/{owner}/{repo}/actions/variables/{name}"],
    getReviewsForRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals"
    ],
    getSelfHostedRunnerForOrg: ["GET /orgs/{org}/actions/runners/{runner_id}"],
    getSelfHostedRunnerForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/{runner_id}"
    ],
    getWorkflow: ["GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}"],
    getWorkflowAccessToRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/access"
    ],
    getWorkflowRun: ["GET /repos/{owner}/{repo}/actions/runs/{run_id}"],
    getWorkflowRunAttempt: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}"
    ],
    getWorkflowRunUsage: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/timing"
    ],
    getWorkflowUsage: [
      "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/timing"
    ],
    listArtifactsForRepo: ["GET /repos/{owner}/{repo}/actions/artifacts"],
    listCustomImageVersionsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions"
    ],
    listCustomImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom"
    ],
    listEnvironmentSecrets: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets"
    ],
    listEnvironmentVariables: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/variables"
    ],
    listGithubHostedRunnersInGroupForOrg: [
      "GET /orgs/{org}/actions/runner-groups/{runner_group_id}/hosted-runners"
    ],
    listHostedRunnersForOrg: ["GET /orgs/{org}/actions/hosted-runners"],
    listJobsForWorkflowRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs"
    ],
    listJobsForWorkflowRunAttempt: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs"
    ],
    listLabelsForSelfHostedRunnerForOrg: [
      "GET /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    listLabelsForSelfHostedRunnerForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    listOrgSecrets: ["GET /orgs/{org}/actions/secrets"],
    listOrgVariables: ["GET /orgs/{org}/actions/variables"],
    listRepoOrganizationSecrets: [
      "GET /repos/{owner}/{repo}/actions/organization-secrets"
    ],
    listRepoOrganizationVariables: [
      "GET /repos/{owner}/{repo}/actions/organization-variables"
    ],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/actions/secrets"],
    listRepoVariables: ["GET /repos/{owner}/{repo}/actions/variables"],
    listRepoWorkflows: ["GET /repos/{owner}/{repo}/actions/workflows"],
    listRunnerApplicationsForOrg: ["GET /orgs/{org}/actions/runners/downloads"],
    listRunnerApplicationsForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/downloads"
    ],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/actions/secrets/{secret_name}/repositories"
    ],
    listSelectedReposForOrgVariable: [
      "GET /orgs/{org}/actions/variables/{name}/repositories"
    ],
    listSelectedRepositoriesEnabledGithubActionsOrganization: [
      "GET /orgs/{org}/actions/permissions/repositories"
    ],
    listSelfHostedRunnersForOrg: ["GET /orgs/{org}/actions/runners"],
    listSelfHostedRunnersForRepo: ["GET /repos/{owner}/{repo}/actions/runners"],
    listWorkflowRunArtifacts: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts"
    ],
    listWorkflowRuns: [
      "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs"
    ],
    listWorkflowRunsForRepo: ["GET /repos/{owner}/{repo}/actions/runs"],
    reRunJobForWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/jobs/{job_id}/rerun"
    ],
    reRunWorkflow: ["POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun"],
    reRunWorkflowFailedJobs: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs"
    ],
    removeAllCustomLabelsFromSelfHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    removeAllCustomLabelsFromSelfHostedRunnerForRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    removeCustomLabelFromSelfHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}/labels/{name}"
    ],
    removeCustomLabelFromSelfHostedRunnerForRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}/labels/{name}"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/actions/secrets/{secret_name}/repositories/{repository_id}"
    ],
    removeSelectedRepoFromOrgVariable: [
      "DELETE /orgs/{org}/actions/variables/{name}/repositories/{repository_id}"
    ],
    reviewCustomGatesForRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule"
    ],
    reviewPendingDeploymentsForRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments"
    ],
    setAllowedActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/selected-actions"
    ],
    setAllowedActionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/selected-actions"
    ],
    setCustomLabelsForSelfHostedRunnerForOrg: [
      "PUT /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    setCustomLabelsForSelfHostedRunnerForRepo: [
      "PUT /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    setCustomOidcSubClaimForRepo: [
      "PUT /repos/{owner}/{repo}/actions/oidc/customization/sub"
    ],
    setGithubActionsDefaultWorkflowPermissionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/workflow"
    ],
    setGithubActionsDefaultWorkflowPermissionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/workflow"
    ],
    setGithubActionsPermissionsOrganization: [
      "PUT /orgs/{org}/actions/permissions"
    ],
    setGithubActionsPermissionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/actions/secrets/{secret_name}/repositories"
    ],
    setSelectedReposForOrgVariable: [
      "PUT /orgs/{org}/actions/variables/{name}/repositories"
    ],
    setSelectedRepositoriesEnabledGithubActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/repositories"
    ],
    setWorkflowAccessToRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/access"
    ],
    updateEnvironmentVariable: [
      "PATCH /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    updateHostedRunnerForOrg: [
      "PATCH /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    updateOrgVariable: ["PATCH /orgs/{org}/actions/variables/{name}"],
    updateRepoVariable: [
      "PATCH /repos/{owner}/{repo}/actions/variables/{name}"
    ]
  },
  activity: {
    checkRepoIsStarredByAuthenticatedUser: ["GET /user/starred/{owner}/{repo}"],
    deleteRepoSubscription: ["DELETE /repos/{owner}/{repo}/subscription"],
    deleteThreadSubscription: [
      "DELETE /notifications/threads/{thread_id}/subscription"
    ],
    getFeeds: ["GET /feeds"],
    getRepoSubscription: ["GET /repos/{owner}/{repo}/subscription"],
    getThread: ["GET /notifications/threads/{thread_id}"],
    getThreadSubscriptionForAuthenticatedUser: [
      "GET /notifications/threads/{thread_id}/subscription"
    ],
    listEventsForAuthenticatedUser: ["GET /users/{username}/events"],
    listNotificationsForAuthenticatedUser: ["GET /notifications"],
    listOrgEventsForAuthenticatedUser: [
      "GET /users/{username}/events/orgs/{org}"
    ],
    listPublicEvents: ["GET /events"],
    listPublicEventsForRepoNetwork: ["GET /networks/{owner}/{repo}/events"],
    listPublicEventsForUser: ["GET /users/{username}/events/public"],
    listPublicOrgEvents: ["GET /orgs/{org}/events"],
    listReceivedEventsForUser: ["GET /users/{username}/received_events"],
    listReceivedPublicEventsForUser: [
      "GET /users/{username}/received_events/public"
    ],
    listRepoEvents: ["GET /repos/{owner}/{repo}/events"],
    listRepoNotificationsForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/notifications"
    ],
    listReposStarredByAuthenticatedUser: ["GET /user/starred"],
    listReposStarredByUser: ["GET /users/{username}/starred"],
    listReposWatchedByUser: ["GET /users/{username}/subscriptions"],
    listStargazersForRepo: ["GET /repos/{owner}/{repo}/stargazers"],
    listWatchedReposForAuthenticatedUser: ["GET /user/subscriptions"],
    listWatchersForRepo: ["GET /repos/{owner}/{repo}/subscribers"],
    markNotificationsAsRead: ["PUT /notifications"],
    markRepoNotificationsAsRead: ["PUT /repos/{owner}/{repo}/notifications"],
    markThreadAsDone: ["DELETE /notifications/threads/{thread_id}"],
    markThreadAsRead: ["PATCH /notifications/threads/{thread_id}"],
    setRepoSubscription: ["PUT /repos/{owner}/{repo}/subscription"],
    setThreadSubscription: [
      "PUT /notifications/threads/{thread_id}/subscription"
    ],
    starRepoForAuthenticatedUser: ["PUT /user/starred/{owner}/{repo}"],
    unstarRepoForAuthenticatedUser: ["DELETE /user/starred/{owner}/{repo}"]
  },
  apps: {
    addRepoToInstallation: [
      "PUT /user/installations/{installation_id}/repositories/{repository_id}",
      {},
      { renamed: ["apps", "addRepoToInstallationForAuthenticatedUser"] }
    ],
    addRepoToInstallationForAuthenticatedUser: [
      "PUT /user/installations/{installation_id}/repositories/{repository_id}"
    ],
    checkToken: ["POST /applications/{client_id}/token"],
    createFromManifest: ["POST /app-manifests/{code}/conversions"],
    createInstallationAccessToken: [
      "POST /app/installations/{installation_id}/access_tokens"
    ],
    deleteAuthorization: ["DELETE /applications/{client_id}/grant"],
    deleteInstallation: ["DELETE /app/installations/{installation_id}"],
    deleteToken: ["DELETE /applications/{client_id}/token"],
    getAuthenticated: ["GET /app"],
    getBySlug: ["GET /apps/{app_slug}"],
    getInstallation: ["GET /app/installations/{installation_id}"],
    getOrgInstallation: ["GET /orgs/{org}/installation"],
    getRepoInstallation: ["GET /repos/{owner}/{repo}/installation"],
    getSubscriptionPlanForAccount: [
      "GET /marketplace_listing/accounts/{account_id}"
    ],
    getSubscriptionPlanForAccountStubbed: [
      "GET /marketplace_listing/stubbed/accounts/{account_id}"
    ],
    getUserInstallation: ["GET /users/{username}/installation"],
    getWebhookConfigForApp: ["GET /app/hook/config"],
    getWebhookDelivery: ["GET /app/hook/deliveries/{delivery_id}"],
    listAccountsForPlan: ["GET /marketplace_listing/plans/{plan_id}/accounts"],
    listAccountsForPlanStubbed: [
      "GET /marketplace_listing/stubbed/plans/{plan_id}/accounts"
    ],
    listInstallationReposForAuthenticatedUser: [
      "GET /user/installations/{installation_id}/repositories"
    ],
    listInstallationRequestsForAuthenticatedApp: [
      "GET /app/installation-requests"
    ],
    listInstallations: ["GET /app/installations"],
    listInstallationsForAuthenticatedUser: ["GET /user/installations"],
    listPlans: ["GET /marketplace_listing/plans"],
    listPlansStubbed: ["GET /marketplace_listing/stubbed/plans"],
    listReposAccessibleToInstallation: ["GET /installation/repositories"],
    listSubscriptionsForAuthenticatedUser: ["GET /user/marketplace_purchases"],
    listSubscriptionsForAuthenticatedUserStubbed: [
      "GET /user/marketplace_purchases/stubbed"
    ],
    listWebhookDeliveries: ["GET /app/hook/deliveries"],
    redeliverWebhookDelivery: [
      "POST /app/hook/deliveries/{delivery_id}/attempts"
    ],
    removeRepoFromInstallation: [
      "DELETE /user/installations/{installation_id}/repositories/{repository_id}",
      {},
      { renamed: ["apps", "removeRepoFromInstallationForAuthenticatedUser"] }
    ],
    removeRepoFromInstallationForAuthenticatedUser: [
      "DELETE /user/installations/{installation_id}/repositories/{repository_id}"
    ],
    resetToken: ["PATCH /applications/{client_id}/token"],
    revokeInstallationAccessToken: ["DELETE /installation/token"],
    scopeToken: ["POST /applications/{client_id}/token/scoped"],
    suspendInstallation: ["PUT /app/installations/{installation_id}/suspended"],
    unsuspendInstallation: [
      "DELETE /app/installations/{installation_id}/suspended"
    ],
    updateWebhookConfigForApp: ["PATCH /app/hook/config"]
  },
  billing: {
    getGithubActionsBillingOrg: ["GET /orgs/{org}/settings/billing/actions"],
    getGithubActionsBillingUser: [
      "GET /users/{username}/settings/billing/actions"
    ],
    getGithubBillingPremiumRequestUsageReportOrg: [
      "GET /organizations/{org}/settings/billing/premium_request/usage"
    ],
    getGithubBillingPremiumRequestUsageReportUser: [
      "GET /users/{username}/settings/billing/premium_request/usage"
    ],
    getGithubBillingUsageReportOrg: [
      "GET /organizations/{org}/settings/billing/usage"
    ],
    getGithubBillingUsageReportUser: [
      "GET /users/{username}/settings/billing/usage"
    ],
    getGithubPackagesBillingOrg: ["GET /orgs/{org}/settings/billing/packages"],
    getGithubPackagesBillingUser: [
      "GET /users/{username}/settings/billing/packages"
    ],
    getSharedStorageBillingOrg: [
      "GET /orgs/{org}/settings/billing/shared-storage"
    ],
    getSharedStorageBillingUser: [
      "GET /users/{username}/settings/billing/shared-storage"
    ]
  },
  campaigns: {
    createCampaign: ["POST /orgs/{org}/campaigns"],
    deleteCampaign: ["DELETE /orgs/{org}/campaigns/{campaign_number}"],
    getCampaignSummary: ["GET /orgs/{org}/campaigns/{campaign_number}"],
    listOrgCampaigns: ["GET /orgs/{org}/campaigns"],
    updateCampaign: ["PATCH /orgs/{org}/campaigns/{campaign_number}"]
  },
  checks: {
    create: ["POST /repos/{owner}/{repo}/check-runs"],
    createSuite: ["POST /repos/{owner}/{repo}/check-suites"],
    get: ["GET /repos/{owner}/{repo}/check-runs/{check_run_id}"],
    getSuite: ["GET /repos/{owner}/{repo}/check-suites/{check_suite_id}"],
    listAnnotations: [
      "GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations"
    ],
    listForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/check-runs"],
    listForSuite: [
      "GET /repos/{owner}/{repo}/check-suites/{check_suite_id}/check-runs"
    ],
    listSuitesForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/check-suites"],
    rerequestRun: [
      "POST /repos/{owner}/{repo}/check-runs/{check_run_id}/rerequest"
    ],
    rerequestSuite: [
      "POST /repos/{owner}/{repo}/check-suites/{check_suite_id}/rerequest"
    ],
    setSuitesPreferences: [
      "PATCH /repos/{owner}/{repo}/check-suites/preferences"
    ],
    update: ["PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}"]
  },
  codeScanning: {
    commitAutofix: [
      "POST /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix/commits"
    ],
    createAutofix: [
      "POST /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix"
    ],
    createVariantAnalysis: [
      "POST /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses"
    ],
    deleteAnalysis: [
      "DELETE /repos/{owner}/{repo}/code-scanning/analyses/{analysis_id}{?confirm_delete}"
    ],
    deleteCodeqlDatabase: [
      "DELETE /repos/{owner}/{repo}/code-scanning/codeql/databases/{language}"
    ],
    getAlert: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}",
      {},
      { renamedParameters: { alert_id: "alert_number" } }
    ],
    getAnalysis: [
      "GET /repos/{owner}/{repo}/code-scanning/analyses/{analysis_id}"
    ],
    getAutofix: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix"
    ],
    getCodeqlDatabase: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/databases/{language}"
    ],
    getDefaultSetup: ["GET /repos/{owner}/{repo}/code-scanning/default-setup"],
    getSarif: ["GET /repos/{owner}/{repo}/code-scanning/sarifs/{sarif_id}"],
    getVariantAnalysis: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses/{codeql_variant_analysis_id}"
    ],
    getVariantAnalysisRepoTask: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses/{codeql_variant_analysis_id}/repos/{repo_owner}/{repo_name}"
    ],
    listAlertInstances: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/instances"
    ],
    listAlertsForOrg: ["GET /orgs/{org}/code-scanning/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/code-scanning/alerts"],
    listAlertsInstances: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/instances",
      {},
      { renamed: ["codeScanning", "listAlertInstances"] }
    ],
    listCodeqlDatabases: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/databases"
    ],
    listRecentAnalyses: ["GET /repos/{owner}/{repo}/code-scanning/analyses"],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}"
    ],
    updateDefaultSetup: [
      "PATCH /repos/{owner}/{repo}/code-scanning/default-setup"
    ],
    uploadSarif: ["POST /repos/{owner}/{repo}/code-scanning/sarifs"]
  },
  codeSecurity: {
    attachConfiguration: [
      "POST /orgs/{org}/code-security/configurations/{configuration_id}/attach"
    ],
    attachEnterpriseConfiguration: [
      "POST /enterprises/{enterprise}/code-security/configurations/{configuration_id}/attach"
    ],
    createConfiguration: ["POST /orgs/{org}/code-security/configurations"],
    createConfigurationForEnterprise: [
      "POST /enterprises/{enterprise}/code-security/configurations"
    ],
    deleteConfiguration: [
      "DELETE /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    deleteConfigurationForEnterprise: [
      "DELETE /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ],
    detachConfiguration: [
      "DELETE /orgs/{org}/code-security/configurations/detach"
    ],
    getConfiguration: [
      "GET /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    getConfigurationForRepository: [
      "GET /repos/{owner}/{repo}/code-security-configuration"
    ],
    getConfigurationsForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations"
    ],
    getConfigurationsForOrg: ["GET /orgs/{org}/code-security/configurations"],
    getDefaultConfigurations: [
      "GET /orgs/{org}/code-security/configurations/defaults"
    ],
    getDefaultConfigurationsForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations/defaults"
    ],
    getRepositoriesForConfiguration: [
      "GET /orgs/{org}/code-security/configurations/{configuration_id}/repositories"
    ],
    getRepositoriesForEnterpriseConfiguration: [
      "GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}/repositories"
    ],
    getSingleConfigurationForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ],
    setConfigurationAsDefault: [
      "PUT /orgs/{org}/code-security/configurations/{configuration_id}/defaults"
    ],
    setConfigurationAsDefaultForEnterprise: [
      "PUT /enterprises/{enterprise}/code-security/configurations/{configuration_id}/defaults"
    ],
    updateConfiguration: [
      "PATCH /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    updateEnterpriseConfiguration: [
      "PATCH /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ]
  },
  codesOfConduct: {
    getAllCodesOfConduct: ["GET /codes_of_conduct"],
    getConductCode: ["GET /codes_of_conduct/{key}"]
  },
  codespaces: {
    addRepositoryForSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    checkPermissionsForDevcontainer: [
      "GET /repos/{owner}/{repo}/codespaces/permissions_check"
    ],
    codespaceMachinesForAuthenticatedUser: [
      "GET /user/codespaces/{codespace_name}/machines"
    ],
    createForAuthenticatedUser: ["POST /user/codespaces"],
    createOrUpdateOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}"
    ],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    createOrUpdateSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}"
    ],
    createWithPrForAuthenticatedUser: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/codespaces"
    ],
    createWithRepoForAuthenticatedUser: [
      "POST /repos/{owner}/{repo}/codespaces"
    ],
    deleteForAuthenticatedUser: ["DELETE /user/codespaces/{codespace_name}"],
    deleteFromOrganization: [
      "DELETE /orgs/{org}/members/{username}/codespaces/{codespace_name}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/codespaces/secrets/{secret_name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    deleteSecretForAuthenticatedUser: [
      "DELETE /user/codespaces/secrets/{secret_name}"
    ],
    exportForAuthenticatedUser: [
      "POST /user/codespaces/{codespace_name}/exports"
    ],
    getCodespacesForUserInOrg: [
      "GET /orgs/{org}/members/{username}/codespaces"
    ],
    getExportDetailsForAuthenticatedUser: [
      "GET /user/codespaces/{codespace_name}/exports/{export_id}"
    ],
    getForAuthenticatedUser: ["GET /user/codespaces/{codespace_name}"],
    getOrgPublicKey: ["GET /orgs/{org}/codespaces/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/codespaces/secrets/{secret_name}"],
    getPublicKeyForAuthenticatedUser: [
      "GET /user/codespaces/secrets/public-key"
    ],
    getRepoPublicKey: [
      "GET /repos/{owner}/{repo}/codespaces/secrets/public-key"
    ],
    getRepoSecret: [
      "GET /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    getSecretForAuthenticatedUser: [
      "GET /user/codespaces/secrets/{secret_name}"
    ],
    listDevcontainersInRepositoryForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/devcontainers"
    ],
    listForAuthenticatedUser: ["GET /user/codespaces"],
    listInOrganization: [
      "GET /orgs/{org}/codespaces",
      {},
      { renamedParameters: { org_id: "org" } }
    ],
    listInRepositoryForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces"
    ],
    listOrgSecrets: ["GET /orgs/{org}/codespaces/secrets"],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/codespaces/secrets"],
    listRepositoriesForSecretForAuthenticatedUser: [
      "GET /user/codespaces/secrets/{secret_name}/repositories"
    ],
    listSecretsForAuthenticatedUser: ["GET /user/codespaces/secrets"],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/codespaces/secrets/{secret_name}/repositories"
    ],
    preFlightWithRepoForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/new"
    ],
    publishForAuthenticatedUser: [
      "POST /user/codespaces/{codespace_name}/publish"
    ],
    removeRepositoryForSecretForAuthenticatedUser: [
      "DELETE /user/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    repoMachinesForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/machines"
    ],
    setRepositoriesForSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}/repositories"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}/repositories"
    ],
    startForAuthenticatedUser: ["POST /user/codespaces/{codespace_name}/start"],
    stopForAuthenticatedUser: ["POST /user/codespaces/{codespace_name}/stop"],
    stopInOrganization: [
      "POST /orgs/{org}/members/{username}/codespaces/{codespace_name}/stop"
    ],
    updateForAuthenticatedUser: ["PATCH /user/codespaces/{codespace_name}"]
  },
  copilot: {
    addCopilotSeatsForTeams: [
      "POST /orgs/{org}/copilot/billing/selected_teams"
    ],
    addCopilotSeatsForUsers: [
      "POST /orgs/{org}/copilot/billing/selected_users"
    ],
    cancelCopilotSeatAssignmentForTeams: [
      "DELETE /orgs/{org}/copilot/billing/selected_teams"
    ],
    cancelCopilotSeatAssignmentForUsers: [
      "DELETE /orgs/{org}/copilot/billing/selected_users"
    ],
    copilotMetricsForOrganization: ["GET /orgs/{org}/copilot/metrics"],
    copilotMetricsForTeam: ["GET /orgs/{org}/team/{team_slug}/copilot/metrics"],
    getCopilotOrganizationDetails: ["GET /orgs/{org}/copilot/billing"],
    getCopilotSeatDetailsForUser: [
      "GET /orgs/{org}/members/{username}/copilot"
    ],
    listCopilotSeats: ["GET /orgs/{org}/copilot/billing/seats"]
  },
  credentials: { revoke: ["POST /credentials/revoke"] },
  dependabot: {
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}/repositories/{repository_id}"
    ],
    createOrUpdateOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}"
    ],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/dependabot/secrets/{secret_name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    getAlert: ["GET /repos/{owner}/{repo}/dependabot/alerts/{alert_number}"],
    getOrgPublicKey: ["GET /orgs/{org}/dependabot/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/dependabot/secrets/{secret_name}"],
    getRepoPublicKey: [
      "GET /repos/{owner}/{repo}/dependabot/secrets/public-key"
    ],
    getRepoSecret: [
      "GET /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    listAlertsForEnterprise: [
      "GET /enterprises/{enterprise}/dependabot/alerts"
    ],
    listAlertsForOrg: ["GET /orgs/{org}/dependabot/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/dependabot/alerts"],
    listOrgSecrets: ["GET /orgs/{org}/dependabot/secrets"],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/dependabot/secrets"],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/dependabot/secrets/{secret_name}/repositories"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/dependabot/secrets/{secret_name}/repositories/{repository_id}"
    ],
    repositoryAccessForOrg: [
      "GET /organizations/{org}/dependabot/repository-access"
    ],
    setRepositoryAccessDefaultLevel: [
      "PUT /organizations/{org}/dependabot/repository-access/default-level"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}/repositories"
    ],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/dependabot/alerts/{alert_number}"
    ],
    updateRepositoryAccessForOrg: [
      "PATCH /organizations/{org}/dependabot/repository-access"
    ]
  },
  dependencyGraph: {
    createRepositorySnapshot: [
      "POST /repos/{owner}/{repo}/dependency-graph/snapshots"
    ],
    diffRange: [
      "GET /repos/{owner}/{repo}/dependency-graph/compare/{basehead}"
    ],
    exportSbom: ["GET /repos/{owner}/{repo}/dependency-graph/sbom"]
  },
  emojis: { get: ["GET /emojis"] },
  enterpriseTeamMemberships: {
    add: [
      "PUT /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ],
    bulkAdd: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/memberships/add"
    ],
    bulkRemove: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/memberships/remove"
    ],
    get: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ],
    list: ["GET /enterprises/{enterprise}/teams/{enterprise-team}/memberships"],
    remove: [
      "DELETE /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ]
  },
  enterpriseTeamOrganizations: {
    add: [
      "PUT /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    bulkAdd: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/organizations/add"
    ],
    bulkRemove: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/organizations/remove"
    ],
    delete: [
      "DELETE /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    getAssignment: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    getAssignments: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/organizations"
    ]
  },
  enterpriseTeams: {
    create: ["POST /enterprises/{enterprise}/teams"],
    delete: ["DELETE /enterprises/{enterprise}/teams/{team_slug}"],
    get: ["GET /enterprises/{enterprise}/teams/{team_slug}"],
    list: ["GET /enterprises/{enterprise}/teams"],
    update: ["PATCH /enterprises/{enterprise}/teams/{team_slug}"]
  },
  gists: {
    checkIsStarred: ["GET /gists/{gist_id}/star"],
    create: ["POST /gists"],
    createComment: ["POST /gists/{gist_id}/comments"],
    delete: ["DELETE /gists/{gist_id}"],
    deleteComment: ["DELETE /gists/{gist_id}/comments/{comment_id}"],
    fork: ["POST /gists/{gist_id}/forks"],
    get: ["GET /gists/{gist_id}"],
    getComment: ["GET /gists/{gist_id}/comments/{comment_id}"],
    getRevision: ["GET /gists/{gist_id}/{sha}"],
    list: ["GET /gists"],
    listComments: ["GET /gists/{gist_id}/comments"],
    listCommits: ["GET /gists/{gist_id}/commits"],
    listForUser: ["GET /users/{username}/gists"],
    listForks: ["GET /gists/{gist_id}/forks"],
    listPublic: ["GET /gists/public"],
    listStarred: ["GET /gists/starred"],
    star: ["PUT /gists/{gist_id}/star"],
    unstar: ["DELETE /gists/{gist_id}/star"],
    update: ["PATCH /gists/{gist_id}"],
    updateComment: ["PATCH /gists/{gist_id}/comments/{comment_id}"]
  },
  git: {
    createBlob: ["POST /repos/{owner}/{repo}/git/blobs"],
    createCommit: ["POST /repos/{owner}/{repo}/git/commits"],
    createRef: ["POST /repos/{owner}/{repo}/git/refs"],
    createTag: ["POST /repos/{owner}/{repo}/git/tags"],
    createTree: ["POST /repos/{owner}/{repo}/git/trees"],
    deleteRef: ["DELETE /repos/{owner}/{repo}/git/refs/{ref}"],
    getBlob: ["GET /repos/{owner}/{repo}/git/blobs/{file_sha}"],
    getCommit: ["GET /repos/{owner}/{repo}/git/commits/{commit_sha}"],
    getRef: ["GET /repos/{owner}/{repo}/git/ref/{ref}"],
    getTag: ["GET /repos/{owner}/{repo}/git/tags/{tag_sha}"],
    getTree: ["GET /repos/{owner}/{repo}/git/trees/{tree_sha}"],
    listMatchingRefs: ["GET /repos/{owner}/{repo}/git/matching-refs/{ref}"],
    updateRef: ["PATCH /repos/{owner}/{repo}/git/refs/{ref}"]
  },
  gitignore: {
    getAllTemplates: ["GET /gitignore/templates"],
    getTemplate: ["GET /gitignore/templates/{name}"]
  },
  hostedCompute: {
    createNetworkConfigurationForOrg: [
      "POST /orgs/{org}/settings/network-configurations"
    ],
    deleteNetworkConfigurationFromOrg: [
      "DELETE /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ],
    getNetworkConfigurationForOrg: [
      "GET /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ],
    getNetworkSettingsForOrg: [
      "GET /orgs/{org}/settings/network-settings/{network_settings_id}"
    ],
    listNetworkConfigurationsForOrg: [
      "GET /orgs/{org}/settings/network-configurations"
    ],
    updateNetworkConfigurationForOrg: [
      "PATCH /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ]
  },
  interactions: {
    getRestrictionsForAuthenticatedUser: ["GET /user/interaction-limits"],
    getRestrictionsForOrg: ["GET /orgs/{org}/interaction-limits"],
    getRestrictionsForRepo: ["GET /repos/{owner}/{repo}/interaction-limits"],
    getRestrictionsForYourPublicRepos: [
      "GET /user/interaction-limits",
      {},
      { renamed: ["interactions", "getRestrictionsForAuthenticatedUser"] }
    ],
    removeRestrictionsForAuthenticatedUser: ["DELETE /user/interaction-limits"],
    removeRestrictionsForOrg: ["DELETE /orgs/{org}/interaction-limits"],
    removeRestrictionsForRepo: [
      "DELETE /repos/{owner}/{repo}/interaction-limits"
    ],
    removeRestrictionsForYourPublicRepos: [
      "DELETE /user/interaction-limits",
      {},
      { renamed: ["interactions", "removeRestrictionsForAuthenticatedUser"] }
    ],
    setRestrictionsForAuthenticatedUser: ["PUT /user/interaction-limits"],
    setRestrictionsForOrg: ["PUT /orgs/{org}/interaction-limits"],
    setRestrictionsForRepo: ["PUT /repos/{owner}/{repo}/interaction-limits"],
    setRestrictionsForYourPublicRepos: [
      "PUT /user/interaction-limits",
      {},
      { renamed: ["interactions", "setRestrictionsForAuthenticatedUser"] }
    ]
  },
  issues: {
    addAssignees: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/assignees"
    ],
    addBlockedByDependency: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by"
    ],
    addLabels: ["POST /repos/{owner}/{repo}/issues/{issue_number}/labels"],
    addSubIssue: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues"
    ],
    checkUserCanBeAssigned: ["GET /repos/{owner}/{repo}/assignees/{assignee}"],
    checkUserCanBeAssignedToIssue: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/assignees/{assignee}"
    ],
    create: ["POST /repos/{owner}/{repo}/issues"],
    createComment: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments"
    ],
    createLabel: ["POST /repos/{owner}/{repo}/labels"],
    createMilestone: ["POST /repos/{owner}/{repo}/milestones"],
    deleteComment: [
      "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}"
    ],
    deleteLabel: ["DELETE /repos/{owner}/{repo}/labels/{name}"],
    deleteMilestone: [
      "DELETE /repos/{owner}/{repo}/milestones/{milestone_number}"
    ],
    get: ["GET /repos/{owner}/{repo}/issues/{issue_number}"],
    getComment: ["GET /repos/{owner}/{repo}/issues/comments/{comment_id}"],
    getEvent: ["GET /repos/{owner}/{repo}/issues/events/{event_id}"],
    getLabel: ["GET /repos/{owner}/{repo}/labels/{name}"],
    getMilestone: ["GET /repos/{owner}/{repo}/milestones/{milestone_number}"],
    getParent: ["GET /repos/{owner}/{repo}/issues/{issue_number}/parent"],
    list: ["GET /issues"],
    listAssignees: ["GET /repos/{owner}/{repo}/assignees"],
    listComments: ["GET /repos/{owner}/{repo}/issues/{issue_number}/comments"],
    listCommentsForRepo: ["GET /repos/{owner}/{repo}/issues/comments"],
    listDependenciesBlockedBy: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by"
    ],
    listDependenciesBlocking: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocking"
    ],
    listEvents: ["GET /repos/{owner}/{repo}/issues/{issue_number}/events"],
    listEventsForRepo: ["GET /repos/{owner}/{repo}/issues/events"],
    listEventsForTimeline: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/timeline"
    ],
    listForAuthenticatedUser: ["GET /user/issues"],
    listForOrg: ["GET /orgs/{org}/issues"],
    listForRepo: ["GET /repos/{owner}/{repo}/issues"],
    listLabelsForMilestone: [
      "GET /repos/{owner}/{repo}/milestones/{milestone_number}/labels"
    ],
    listLabelsForRepo: ["GET /repos/{owner}/{repo}/labels"],
    listLabelsOnIssue: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/labels"
    ],
    listMilestones: ["GET /repos/{owner}/{repo}/milestones"],
    listSubIssues: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues"
    ],
    lock: ["PUT /repos/{owner}/{repo}/issues/{issue_number}/lock"],
    removeAllLabels: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels"
    ],
    removeAssignees: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/assignees"
    ],
    removeDependencyBlockedBy: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by/{issue_id}"
    ],
    removeLabel: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}"
    ],
    removeSubIssue: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/sub_issue"
    ],
    reprioritizeSubIssue: [
      "PATCH /repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority"
    ],
    setLabels: ["PUT /repos/{owner}/{repo}/issues/{issue_number}/labels"],
    unlock: ["DELETE /repos/{owner}/{repo}/issues/{issue_number}/lock"],
    update: ["PATCH /repos/{owner}/{repo}/issues/{issue_number}"],
    updateComment: ["PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}"],
    updateLabel: ["PATCH /repos/{owner}/{repo}/labels/{name}"],
    updateMilestone: [
      "PATCH /repos/{owner}/{repo}/milestones/{milestone_number}"
    ]
  },
  licenses: {
    get: ["GET /licenses/{license}"],
    getAllCommonlyUsed: ["GET /licenses"],
    getForRepo: ["GET /repos/{owner}/{repo}/license"]
  },
  markdown: {
    render: ["POST /markdown"],
    renderRaw: [
      "POST /markdown/raw",
      { headers: { "content-type": "text/plain; charset=utf-8" } }
    ]
  },
  meta: {
    get: ["GET /meta"],
    getAllVersions: ["GET /versions"],
    getOctocat: ["GET /octocat"],
    getZen: ["GET /zen"],
    root: ["GET /"]
  },
  migrations: {
    deleteArchiveForAuthenticatedUser: [
      "DELETE /user/migrations/{migration_id}/archive"
    ],
    deleteArchiveForOrg: [
      "DELETE /orgs/{org}/migrations/{migration_id}/archive"
    ],
    downloadArchiveForOrg: [
      "GET /orgs/{org}/migrations/{migration_id}/archive"
    ],
    getArchiveForAuthenticatedUser: [
      "GET /user/migrations/{migration_id}/archive"
    ],
    getStatusForAuthenticatedUser: ["GET /user/migrations/{migration_id}"],
    getStatusForOrg: ["GET /orgs/{org}/migrations/{migration_id}"],
    listForAuthenticatedUser: ["GET /user/migrations"],
    listForOrg: ["GET /orgs/{org}/migrations"],
    listReposForAuthenticatedUser: [
      "GET /user/migrations/{migration_id}/repositories"
    ],
    listReposForOrg: ["GET /orgs/{org}/migrations/{migration_id}/repositories"],
    listReposForUser: [
      "GET /user/migrations/{migration_id}/repositories",
      {},
      { renamed: ["migrations", "listReposForAuthenticatedUser"] }
    ],
    startForAuthenticatedUser: ["POST /user/migrations"],
    startForOrg: ["POST /orgs/{org}/migrations"],
    unlockRepoForAuthenticatedUser: [
      "DELETE /user/migrations/{migration_id}/repos/{repo_name}/lock"
    ],
    unlockRepoForOrg: [
      "DELETE /orgs/{org}/migrations/{migration_id}/repos/{repo_name}/lock"
    ]
  },
  oidc: {
    getOidcCustomSubTemplateForOrg: [
      "GET /orgs/{org}/actions/oidc/customization/sub"
    ],
    updateOidcCustomSubTemplateForOrg: [
      "PUT /orgs/{org}/actions/oidc/customization/sub"
    ]
  },
  orgs: {
    addSecurityManagerTeam: [
      "PUT /orgs/{org}/security-managers/teams/{team_slug}",
      {},
      {
        deprecated: "octokit.rest.orgs.addSecurityManagerTeam() is deprecated, see https://docs.github.com/rest/orgs/security-managers#add-a-security-manager-team"
      }
    ],
    assignTeamToOrgRole: [
      "PUT /orgs/{org}/organization-roles/teams/{team_slug}/{role_id}"
    ],
    assignUserToOrgRole: [
      "PUT /orgs/{org}/organization-roles/users/{username}/{role_id}"
    ],
    blockUser: ["PUT /orgs/{org}/blocks/{username}"],
    cancelInvitation: ["DELETE /orgs/{org}/invitations/{invitation_id}"],
    checkBlockedUser: ["GET /orgs/{org}/blocks/{username}"],
    checkMembershipForUser: ["GET /orgs/{org}/members/{username}"],
    checkPublicMembershipForUser: ["GET /orgs/{org}/public_members/{username}"],
    convertMemberToOutsideCollaborator: [
      "PUT /orgs/{org}/outside_collaborators/{username}"
    ],
    createArtifactStorageRecord: [
      "POST /orgs/{org}/artifacts/metadata/storage-record"
    ],
    createInvitation: ["POST /orgs/{org}/invitations"],
    createIssueType: ["POST /orgs/{org}/issue-types"],
    createWebhook: ["POST /orgs/{org}/hooks"],
    customPropertiesForOrgsCreateOrUpdateOrganizationValues: [
      "PATCH /organizations/{org}/org-properties/values"
    ],
    customPropertiesForOrgsGetOrganizationValues: [
      "GET /organizations/{org}/org-properties/values"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationDefinition: [
      "PUT /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationDefinitions: [
      "PATCH /orgs/{org}/properties/schema"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationValues: [
      "PATCH /orgs/{org}/properties/values"
    ],
    customPropertiesForReposDeleteOrganizationDefinition: [
      "DELETE /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposGetOrganizationDefinition: [
      "GET /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposGetOrganizationDefinitions: [
      "GET /orgs/{org}/properties/schema"
    ],
    customPropertiesForReposGetOrganizationValues: [
      "GET /orgs/{org}/properties/values"
    ],
    delete: ["DELETE /orgs/{org}"],
    deleteAttestationsBulk: ["POST /orgs/{org}/attestations/delete-request"],
    deleteAttestationsById: [
      "DELETE /orgs/{org}/attestations/{attestation_id}"
    ],
    deleteAttestationsBySubjectDigest: [
      "DELETE /orgs/{org}/attestations/digest/{subject_digest}"
    ],
    deleteIssueType: ["DELETE /orgs/{org}/issue-types/{issue_type_id}"],
    deleteWebhook: ["DELETE /orgs/{org}/hooks/{hook_id}"],
    disableSelectedRepositoryImmutableReleasesOrganization: [
      "DELETE /orgs/{org}/settings/immutable-releases/repositories/{repository_id}"
    ],
    enableSelectedRepositoryImmutableReleasesOrganization: [
      "PUT /orgs/{org}/settings/immutable-releases/repositories/{repository_id}"
    ],
    get: ["GET /orgs/{org}"],
    getImmutableReleasesSettings: [
      "GET /orgs/{org}/settings/immutable-releases"
    ],
    getImmutableReleasesSettingsRepositories: [
      "GET /orgs/{org}/settings/immutable-releases/repositories"
    ],
    getMembershipForAuthenticatedUser: ["GET /user/memberships/orgs/{org}"],
    getMembershipForUser: ["GET /orgs/{org}/memberships/{username}"],
    getOrgRole: ["GET /orgs/{org}/organization-roles/{role_id}"],
    getOrgRulesetHistory: ["GET /orgs/{org}/rulesets/{ruleset_id}/history"],
    getOrgRulesetVersion: [
      "GET /orgs/{org}/rulesets/{ruleset_id}/history/{version_id}"
    ],
    getWebhook: ["GET /orgs/{org}/hooks/{hook_id}"],
    getWebhookConfigForOrg: ["GET /orgs/{org}/hooks/{hook_id}/config"],
    getWebhookDelivery: [
      "GET /orgs/{org}/hooks/{hook_id}/deliveries/{delivery_id}"
    ],
    list: ["GET /organizations"],
    listAppInstallations: ["GET /orgs/{org}/installations"],
    listArtifactStorageRecords: [
      "GET /orgs/{org}/artifacts/{subject_digest}/metadata/storage-records"
    ],
    listAttestationRepositories: ["GET /orgs/{org}/attestations/repositories"],
    listAttestations: ["GET /orgs/{org}/attestations/{subject_digest}"],
    listAttestationsBulk: [
      "POST /orgs/{org}/attestations/bulk-list{?per_page,before,after}"
    ],
    listBlockedUsers: ["GET /orgs/{org}/blocks"],
    listFailedInvitations: ["GET /orgs/{org}/failed_invitations"],
    listForAuthenticatedUser: ["GET /user/orgs"],
    listForUser: ["GET /users/{username}/orgs"],
    listInvitationTeams: ["GET /orgs/{org}/invitations/{invitation_id}/teams"],
    listIssueTypes: ["GET /orgs/{org}/issue-types"],
    listMembers: ["GET /orgs/{org}/members"],
    listMembershipsForAuthenticatedUser: ["GET /user/memberships/orgs"],
    listOrgRoleTeams: ["GET /orgs/{org}/organization-roles/{role_id}/teams"],
    listOrgRoleUsers: ["GET /orgs/{org}/organization-roles/{role_id}/users"],
    listOrgRoles: ["GET /orgs/{org}/organization-roles"],
    listOrganizationFineGrainedPermissions: [
      "GET /orgs/{org}/organization-fine-grained-permissions"
    ],
    listOutsideCollaborators: ["GET /orgs/{org}/outside_collaborators"],
    listPatGrantRepositories: [
      "GET /orgs/{org}/personal-access-tokens/{pat_id}/repositories"
    ],
    listPatGrantRequestRepositories: [
      "GET /orgs/{org}/personal-access-token-requests/{pat_request_id}/repositories"
    ],
    listPatGrantRequests: ["GET /orgs/{org}/personal-access-token-requests"],
    listPatGrants: ["GET /orgs/{org}/personal-access-tokens"],
    listPendingInvitations: ["GET /orgs/{org}/invitations"],
    listPublicMembers: ["GET /orgs/{org}/public_members"],
    listSecurityManagerTeams: [
      "GET /orgs/{org}/security-managers",
      {},
      {
        deprecated: "octokit.rest.orgs.listSecurityManagerTeams() is deprecated, see https://docs.github.com/rest/orgs/security-managers#list-security-manager-teams"
      }
    ],
    listWebhookDeliveries: ["GET /orgs/{org}/hooks/{hook_id}/deliveries"],
    listWebhooks: ["GET /orgs/{org}/hooks"],
    pingWebhook: ["POST /orgs/{org}/hooks/{hook_id}/pings"],
    redeliverWebhookDelivery: [
      "POST /orgs/{org}/hooks/{hook_id}/deliveries/{delivery_id}/attempts"
    ],
    removeMember: ["DELETE /orgs/{org}/members/{username}"],
    removeMembershipForUser: ["DELETE /orgs/{org}/memberships/{username}"],
    removeOutsideCollaborator: [
      "DELETE /orgs/{org}/outside_collaborators/{username}"
    ],
    removePublicMembershipForAuthenticatedUser: [
      "DELETE /orgs/{org}/public_members/{username}"
    ],
    removeSecurityManagerTeam: [
      "DELETE /orgs/{org}/security-managers/teams/{team_slug}",
      {},
      {
        deprecated: "octokit.rest.orgs.removeSecurityManagerTeam() is deprecated, see https://docs.github.com/rest/orgs/security-managers#remove-a-security-manager-team"
      }
    ],
    reviewPatGrantRequest: [
      "POST /orgs/{org}/personal-access-token-requests/{pat_request_id}"
    ],
    reviewPatGrantRequestsInBulk: [
      "POST /orgs/{org}/personal-access-token-requests"
    ],
    revokeAllOrgRolesTeam: [
      "DELETE /orgs/{org}/organization-roles/teams/{team_slug}"
    ],
    revokeAllOrgRolesUser: [
      "DELETE /orgs/{org}/organization-roles/users/{username}"
    ],
    revokeOrgRoleTeam: [
      "DELETE /orgs/{org}/organization-roles/teams/{team_slug}/{role_id}"
    ],
    revokeOrgRoleUser: [
      "DELETE /orgs/{org}/organization-roles/users/{username}/{role_id}"
    ],
    setImmutableReleasesSettings: [
      "PUT /orgs/{org}/settings/immutable-releases"
    ],
    setImmutableReleasesSettingsRepositories: [
      "PUT /orgs/{org}/settings/immutable-releases/repositories"
    ],
    setMembershipForUser: ["PUT /orgs/{org}/memberships/{username}"],
    setPublicMembershipForAuthenticatedUser: [
      "PUT /orgs/{org}/public_members/{username}"
    ],
    unblockUser: ["DELETE /orgs/{org}/blocks/{username}"],
    update: ["PATCH /orgs/{org}"],
    updateIssueType: ["PUT /orgs/{org}/issue-types/{issue_type_id}"],
    updateMembershipForAuthenticatedUser: [
      "PATCH /user/memberships/orgs/{org}"
    ],
    updatePatAccess: ["POST /orgs/{org}/personal-access-tokens/{pat_id}"],
    updatePatAccesses: ["POST /orgs/{org}/personal-access-tokens"],
    updateWebhook: ["PATCH /orgs/{org}/hooks/{hook_id}"],
    updateWebhookConfigForOrg: ["PATCH /orgs/{org}/hooks/{hook_id}/config"]
  },
  packages: {
    deletePackageForAuthenticatedUser: [
      "DELETE /user/packages/{package_type}/{package_name}"
    ],
    deletePackageForOrg: [
      "DELETE /orgs/{org}/packages/{package_type}/{package_name}"
    ],
    deletePackageForUser: [
      "DELETE /users/{username}/packages/{package_type}/{package_name}"
    ],
    deletePackageVersionForAuthenticatedUser: [
      "DELETE /user/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    deletePackageVersionForOrg: [
      "DELETE /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    deletePackageVersionForUser: [
      "DELETE /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getAllPackageVersionsForAPackageOwnedByAnOrg: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions",
      {},
      { renamed: ["packages", "getAllPackageVersionsForPackageOwnedByOrg"] }
    ],
    getAllPackageVersionsForAPackageOwnedByTheAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions",
      {},
      {
        renamed: [
          "packages",
          "getAllPackageVersionsForPackageOwnedByAuthenticatedUser"
        ]
      }
    ],
    getAllPackageVersionsForPackageOwnedByAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions"
    ],
    getAllPackageVersionsForPackageOwnedByOrg: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions"
    ],
    getAllPackageVersionsForPackageOwnedByUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}/versions"
    ],
    getPackageForAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}"
    ],
    getPackageForOrganization: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}"
    ],
    getPackageForUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}"
    ],
    getPackageVersionForAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getPackageVersionForOrganization: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getPackageVersionForUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    listDockerMigrationConflictingPackagesForAuthenticatedUser: [
      "GET /user/docker/conflicts"
    ],
    listDockerMigrationConflictingPackagesForOrganization: [
      "GET /orgs/{org}/docker/conflicts"
    ],
    listDockerMigrationConflictingPackagesForUser: [
      "GET /users/{username}/docker/conflicts"
    ],
    listPackagesForAuthenticatedUser: ["GET /user/packages"],
    listPackagesForOrganization: ["GET /orgs/{org}/packages"],
    listPackagesForUser: ["GET /users/{username}/packages"],
    restorePackageForAuthenticatedUser: [
      "POST /user/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageForOrg: [
      "POST /orgs/{org}/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageForUser: [
      "POST /users/{username}/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageVersionForAuthenticatedUser: [
      "POST /user/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ],
    restorePackageVersionForOrg: [
      "POST /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ],
    restorePackageVersionForUser: [
      "POST /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ]
  },
  privateRegistries: {
    createOrgPrivateRegistry: ["POST /orgs/{org}/private-registries"],
    deleteOrgPrivateRegistry: [
      "DELETE /orgs/{org}/private-registries/{secret_name}"
    ],
    getOrgPrivateRegistry: ["GET /orgs/{org}/private-registries/{secret_name}"],
    getOrgPublicKey: ["GET /orgs/{org}/private-registries/public-key"],
    listOrgPrivateRegistries: ["GET /orgs/{org}/private-registries"],
    updateOrgPrivateRegistry: [
      "PATCH /orgs/{org}/private-registries/{secret_name}"
    ]
  },
  projects: {
    addItemForOrg: ["POST /orgs/{org}/projectsV2/{project_number}/items"],
    addItemForUser: [
      "POST /users/{username}/projectsV2/{project_number}/items"
    ],
    deleteItemForOrg: [
      "DELETE /orgs/{org}/projectsV2/{project_number}/items/{item_id}"
    ],
    deleteItemForUser: [
      "DELETE /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ],
    getFieldForOrg: [
      "GET /orgs/{org}/projectsV2/{project_number}/fields/{field_id}"
    ],
    getFieldForUser: [
      "GET /users/{username}/projectsV2/{project_number}/fields/{field_id}"
    ],
    getForOrg: ["GET /orgs/{org}/projectsV2/{project_number}"],
    getForUser: ["GET /users/{username}/projectsV2/{project_number}"],
    getOrgItem: ["GET /orgs/{org}/projectsV2/{project_number}/items/{item_id}"],
    getUserItem: [
      "GET /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ],
    listFieldsForOrg: ["GET /orgs/{org}/projectsV2/{project_number}/fields"],
    listFieldsForUser: [
      "GET /users/{username}/projectsV2/{project_number}/fields"
    ],
    listForOrg: ["GET /orgs/{org}/projectsV2"],
    listForUser: ["GET /users/{username}/projectsV2"],
    listItemsForOrg: ["GET /orgs/{org}/projectsV2/{project_number}/items"],
    listItemsForUser: [
      "GET /users/{username}/projectsV2/{project_number}/items"
    ],
    updateItemForOrg: [
      "PATCH /orgs/{org}/projectsV2/{project_number}/items/{item_id}"
    ],
    updateItemForUser: [
      "PATCH /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ]
  },
  pulls: {
    checkIfMerged: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/merge"],
    create: ["POST /repos/{owner}/{repo}/pulls"],
    createReplyForReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies"
    ],
    createReview: ["POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
    createReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments"
    ],
    deletePendingReview: [
      "DELETE /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    deleteReviewComment: [
      "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}"
    ],
    dismissReview: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/dismissals"
    ],
    get: ["GET /repos/{owner}/{repo}/pulls/{pull_number}"],
    getReview: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    getReviewComment: ["GET /repos/{owner}/{repo}/pulls/comments/{comment_id}"],
    list: ["GET /repos/{owner}/{repo}/pulls"],
    listCommentsForReview: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments"
    ],
    listCommits: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/commits"],
    listFiles: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/files"],
    listRequestedReviewers: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    listReviewComments: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/comments"
    ],
    listReviewCommentsForRepo: ["GET /repos/{owner}/{repo}/pulls/comments"],
    listReviews: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
    merge: ["PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge"],
    removeRequestedReviewers: [
      "DELETE /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    requestReviewers: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    submitReview: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/events"
    ],
    update: ["PATCH /repos/{owner}/{repo}/pulls/{pull_number}"],
    updateBranch: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/update-branch"
    ],
    updateReview: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    updateReviewComment: [
      "PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}"
    ]
  },
  rateLimit: { get: ["GET /rate_limit"] },
  reactions: {
    createForCommitComment: [
      "POST /repos/{owner}/{repo}/comments/{comment_id}/reactions"
    ],
    createForIssue: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/reactions"
    ],
    createForIssueComment: [
      "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"
    ],
    createForPullRequestReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions"
    ],
    createForRelease: [
      "POST /repos/{owner}/{repo}/releases/{release_id}/reactions"
    ],
    createForTeamDiscussionCommentInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions"
    ],
    createForTeamDiscussionInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions"
    ],
    deleteForCommitComment: [
      "DELETE /repos/{owner}/{repo}/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForIssue: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/reactions/{reaction_id}"
    ],
    deleteForIssueComment: [
      "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForPullRequestComment: [
      "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForRelease: [
      "DELETE /repos/{owner}/{repo}/releases/{release_id}/reactions/{reaction_id}"
    ],
    deleteForTeamDiscussion: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions/{reaction_id}"
    ],
    deleteForTeamDiscussionComment: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions/{reaction_id}"
    ],
    listForCommitComment: [
      "GET /repos/{owner}/{repo}/comments/{comment_id}/reactions"
    ],
    listForIssue: ["GET /repos/{owner}/{repo}/issues/{issue_number}/reactions"],
    listForIssueComment: [
      "GET /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"
    ],
    listForPullRequestReviewComment: [
      "GET /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions"
    ],
    listForRelease: [
      "GET /repos/{owner}/{repo}/releases/{release_id}/reactions"
    ],
    listForTeamDiscussionCommentInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions"
    ],
    listForTeamDiscussionInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions"
    ]
  },
  repos: {
    acceptInvitation: [
      "PATCH /user/repository_invitations/{invitation_id}",
      {},
      { renamed: ["repos", "acceptInvitationForAuthenticatedUser"] }
    ],
    acceptInvitationForAuthenticatedUser: [
      "PATCH /user/repository_invitations/{invitation_id}"
    ],
    addAppAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    addCollaborator: ["PUT /repos/{owner}/{repo}/collaborators/{username}"],
    addStatusCheckContexts: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    addTeamAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    addUserAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    cancelPagesDeployment: [
      "POST /repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}/cancel"
    ],
    checkAutomatedSecurityFixes: [
      "GET /repos/{owner}/{repo}/automated-security-fixes"
    ],
    checkCollaborator: ["GET /repos/{owner}/{repo}/collaborators/{username}"],
    checkImmutableReleases: ["GET /repos/{owner}/{repo}/immutable-releases"],
    checkPrivateVulnerabilityReporting: [
      "GET /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    checkVulnerabilityAlerts: [
      "GET /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    codeownersErrors: ["GET /repos/{owner}/{repo}/codeowners/errors"],
    compareCommits: ["GET /repos/{owner}/{repo}/compare/{base}...{head}"],
    compareCommitsWithBasehead: [
      "GET /repos/{owner}/{repo}/compare/{basehead}"
    ],
    createAttestation: ["POST /repos/{owner}/{repo}/attestations"],
    createAutolink: ["POST /repos/{owner}/{repo}/autolinks"],
    createCommitComment: [
      "POST /repos/{owner}/{repo}/commits/{commit_sha}/comments"
    ],
    createCommitSignatureProtection: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    createCommitStatus: ["POST /repos/{owner}/{repo}/statuses/{sha}"],
    createDeployKey: ["POST /repos/{owner}/{repo}/keys"],
    createDeployment: ["POST /repos/{owner}/{repo}/deployments"],
    createDeploymentBranchPolicy: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies"
    ],
    createDeploymentProtectionRule: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules"
    ],
    createDeploymentStatus: [
      "POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses"
    ],
    createDispatchEvent: ["POST /repos/{owner}/{repo}/dispatches"],
    createForAuthenticatedUser: ["POST /user/repos"],
    createFork: ["POST /repos/{owner}/{repo}/forks"],
    createInOrg: ["POST /orgs/{org}/repos"],
    createOrUpdateEnvironment: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    createOrUpdateFileContents: ["PUT /repos/{owner}/{repo}/contents/{path}"],
    createOrgRuleset: ["POST /orgs/{org}/rulesets"],
    createPagesDeployment: ["POST /repos/{owner}/{repo}/pages/deployments"],
    createPagesSite: ["POST /repos/{owner}/{repo}/pages"],
    createRelease: ["POST /repos/{owner}/{repo}/releases"],
    createRepoRuleset: ["POST /repos/{owner}/{repo}/rulesets"],
    createUsingTemplate: [
      "POST /repos/{template_owner}/{template_repo}/generate"
    ],
    createWebhook: ["POST /repos/{owner}/{repo}/hooks"],
    customPropertiesForReposCreateOrUpdateRepositoryValues: [
      "PATCH /repos/{owner}/{repo}/properties/values"
    ],
    customPropertiesForReposGetRepositoryValues: [
      "GET /repos/{owner}/{repo}/properties/values"
    ],
    declineInvitation: [
      "DELETE /user/repository_invitations/{invitation_id}",
      {},
      { renamed: ["repos", "declineInvitationForAuthenticatedUser"] }
    ],
    declineInvitationForAuthenticatedUser: [
      "DELETE /user/repository_invitations/{invitation_id}"
    ],
    delete: ["DELETE /repos/{owner}/{repo}"],
    deleteAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions"
    ],
    deleteAdminBranchProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    deleteAnEnvironment: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    deleteAutolink: ["DELETE /repos/{owner}/{repo}/autolinks/{autolink_id}"],
    deleteBranchProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    deleteCommitComment: ["DELETE /repos/{owner}/{repo}/comments/{comment_id}"],
    deleteCommitSignatureProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    deleteDeployKey: ["DELETE /repos/{owner}/{repo}/keys/{key_id}"],
    deleteDeployment: [
      "DELETE /repos/{owner}/{repo}/deployments/{deployment_id}"
    ],
    deleteDeploymentBranchPolicy: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    deleteFile: ["DELETE /repos/{owner}/{repo}/contents/{path}"],
    deleteInvitation: [
      "DELETE /repos/{owner}/{repo}/invitations/{invitation_id}"
    ],
    deleteOrgRuleset: ["DELETE /orgs/{org}/rulesets/{ruleset_id}"],
    deletePagesSite: ["DELETE /repos/{owner}/{repo}/pages"],
    deletePullRequestReviewProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    deleteRelease: ["DELETE /repos/{owner}/{repo}/releases/{release_id}"],
    deleteReleaseAsset: [
      "DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}"
    ],
    deleteRepoRuleset: ["DELETE /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    deleteWebhook: ["DELETE /repos/{owner}/{repo}/hooks/{hook_id}"],
    disableAutomatedSecurityFixes: [
      "DELETE /repos/{owner}/{repo}/automated-security-fixes"
    ],
    disableDeploymentProtectionRule: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/{protection_rule_id}"
    ],
    disableImmutableReleases: [
      "DELETE /repos/{owner}/{repo}/immutable-releases"
    ],
    disablePrivateVulnerabilityReporting: [
      "DELETE /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    disableVulnerabilityAlerts: [
      "DELETE /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    downloadArchive: [
      "GET /repos/{owner}/{repo}/zipball/{ref}",
      {},
      { renamed: ["repos", "downloadZipballArchive"] }
    ],
    downloadTarballArchive: ["GET /repos/{owner}/{repo}/tarball/{ref}"],
    downloadZipballArchive: ["GET /repos/{owner}/{repo}/zipball/{ref}"],
    enableAutomatedSecurityFixes: [
      "PUT /repos/{owner}/{repo}/automated-security-fixes"
    ],
    enableImmutableReleases: ["PUT /repos/{owner}/{repo}/immutable-releases"],
    enablePrivateVulnerabilityReporting: [
      "PUT /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    enableVulnerabilityAlerts: [
      "PUT /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    generateReleaseNotes: [
      "POST /repos/{owner}/{repo}/releases/generate-notes"
    ],
    get: ["GET /repos/{owner}/{repo}"],
    getAccessRestrictions: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions"
    ],
    getAdminBranchProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    getAllDeploymentProtectionRules: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules"
    ],
    getAllEnvironments: ["GET /repos/{owner}/{repo}/environments"],
    getAllStatusCheckContexts: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts"
    ],
    getAllTopics: ["GET /repos/{owner}/{repo}/topics"],
    getAppsWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps"
    ],
    getAutolink: ["GET /repos/{owner}/{repo}/autolinks/{autolink_id}"],
    getBranch: ["GET /repos/{owner}/{repo}/branches/{branch}"],
    getBranchProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    getBranchRules: ["GET /repos/{owner}/{repo}/rules/branches/{branch}"],
    getClones: ["GET /repos/{owner}/{repo}/traffic/clones"],
    getCodeFrequencyStats: ["GET /repos/{owner}/{repo}/stats/code_frequency"],
    getCollaboratorPermissionLevel: [
      "GET /repos/{owner}/{repo}/collaborators/{username}/permission"
    ],
    getCombinedStatusForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/status"],
    getCommit: ["GET /repos/{owner}/{repo}/commits/{ref}"],
    getCommitActivityStats: ["GET /repos/{owner}/{repo}/stats/commit_activity"],
    getCommitComment: ["GET /repos/{owner}/{repo}/comments/{comment_id}"],
    getCommitSignatureProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    getCommunityProfileMetrics: ["GET /repos/{owner}/{repo}/community/profile"],
    getContent: ["GET /repos/{owner}/{repo}/contents/{path}"],
    getContributorsStats: ["GET /repos/{owner}/{repo}/stats/contributors"],
    getCustomDeploymentProtectionRule: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/{protection_rule_id}"
    ],
    getDeployKey: ["GET /repos/{owner}/{repo}/keys/{key_id}"],
    getDeployment: ["GET /repos/{owner}/{repo}/deployments/{deployment_id}"],
    getDeploymentBranchPolicy: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    getDeploymentStatus: [
      "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses/{status_id}"
    ],
    getEnvironment: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    getLatestPagesBuild: ["GET /repos/{owner}/{repo}/pages/builds/latest"],
    getLatestRelease: ["GET /repos/{owner}/{repo}/releases/latest"],
    getOrgRuleSuite: ["GET /orgs/{org}/rulesets/rule-suites/{rule_suite_id}"],
    getOrgRuleSuites: ["GET /orgs/{org}/rulesets/rule-suites"],
    getOrgRuleset: ["GET /orgs/{org}/rulesets/{ruleset_id}"],
    getOrgRulesets: ["GET /orgs/{org}/rulesets"],
    getPages: ["GET /repos/{owner}/{repo}/pages"],
    getPagesBuild: ["GET /repos/{owner}/{repo}/pages/builds/{build_id}"],
    getPagesDeployment: [
      "GET /repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}"
    ],
    getPagesHealthCheck: ["GET /repos/{owner}/{repo}/pages/health"],
    getParticipationStats: ["GET /repos/{owner}/{repo}/stats/participation"],
    getPullRequestReviewProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    getPunchCardStats: ["GET /repos/{owner}/{repo}/stats/punch_card"],
    getReadme: ["GET /repos/{owner}/{repo}/readme"],
    getReadmeInDirectory: ["GET /repos/{owner}/{repo}/readme/{dir}"],
    getRelease: ["GET /repos/{owner}/{repo}/releases/{release_id}"],
    getReleaseAsset: ["GET /repos/{owner}/{repo}/releases/assets/{asset_id}"],
    getReleaseByTag: ["GET /repos/{owner}/{repo}/releases/tags/{tag}"],
    getRepoRuleSuite: [
      "GET /repos/{owner}/{repo}/rulesets/rule-suites/{rule_suite_id}"
    ],
    getRepoRuleSuites: ["GET /repos/{owner}/{repo}/rulesets/rule-suites"],
    getRepoRuleset: ["GET /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    getRepoRulesetHistory: [
      "GET /repos/{owner}/{repo}/rulesets/{ruleset_id}/history"
    ],
    getRepoRulesetVersion: [
      "GET /repos/{owner}/{repo}/rulesets/{ruleset_id}/history/{version_id}"
    ],
    getRepoRulesets: ["GET /repos/{owner}/{repo}/rulesets"],
    getStatusChecksProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    getTeamsWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams"
    ],
    getTopPaths: ["GET /repos/{owner}/{repo}/traffic/popular/paths"],
    getTopReferrers: ["GET /repos/{owner}/{repo}/traffic/popular/referrers"],
    getUsersWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users"
    ],
    getViews: ["GET /repos/{owner}/{repo}/traffic/views"],
    getWebhook: ["GET /repos/{owner}/{repo}/hooks/{hook_id}"],
    getWebhookConfigForRepo: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/config"
    ],
    getWebhookDelivery: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/deliveries/{delivery_id}"
    ],
    listActivities: ["GET /repos/{owner}/{repo}/activity"],
    listAttestations: [
      "GET /repos/{owner}/{repo}/attestations/{subject_digest}"
    ],
    listAutolinks: ["GET /repos/{owner}/{repo}/autolinks"],
    listBranches: ["GET /repos/{owner}/{repo}/branches"],
    listBranchesForHeadCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/branches-where-head"
    ],
    listCollaborators: ["GET /repos/{owner}/{repo}/collaborators"],
    listCommentsForCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/comments"
    ],
    listCommitCommentsForRepo: ["GET /repos/{owner}/{repo}/comments"],
    listCommitStatusesForRef: [
      "GET /repos/{owner}/{repo}/commits/{ref}/statuses"
    ],
    listCommits: ["GET /repos/{owner}/{repo}/commits"],
    listContributors: ["GET /repos/{owner}/{repo}/contributors"],
    listCustomDeploymentRuleIntegrations: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/apps"
    ],
    listDeployKeys: ["GET /repos/{owner}/{repo}/keys"],
    listDeploymentBranchPolicies: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies"
    ],
    listDeploymentStatuses: [
      "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses"
    ],
    listDeployments: ["GET /repos/{owner}/{repo}/deployments"],
    listForAuthenticatedUser: ["GET /user/repos"],
    listForOrg: ["GET /orgs/{org}/repos"],
    listForUser: ["GET /users/{username}/repos"],
    listForks: ["GET /repos/{owner}/{repo}/forks"],
    listInvitations: ["GET /repos/{owner}/{repo}/invitations"],
    listInvitationsForAuthenticatedUser: ["GET /user/repository_invitations"],
    listLanguages: ["GET /repos/{owner}/{repo}/languages"],
    listPagesBuilds: ["GET /repos/{owner}/{repo}/pages/builds"],
    listPublic: ["GET /repositories"],
    listPullRequestsAssociatedWithCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls"
    ],
    listReleaseAssets: [
      "GET /repos/{owner}/{repo}/releases/{release_id}/assets"
    ],
    listReleases: ["GET /repos/{owner}/{repo}/releases"],
    listTags: ["GET /repos/{owner}/{repo}/tags"],
    listTeams: ["GET /repos/{owner}/{repo}/teams"],
    listWebhookDeliveries: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/deliveries"
    ],
    listWebhooks: ["GET /repos/{owner}/{repo}/hooks"],
    merge: ["POST /repos/{owner}/{repo}/merges"],
    mergeUpstream: ["POST /repos/{owner}/{repo}/merge-upstream"],
    pingWebhook: ["POST /repos/{owner}/{repo}/hooks/{hook_id}/pings"],
    redeliverWebhookDelivery: [
      "POST /repos/{owner}/{repo}/hooks/{hook_id}/deliveries/{delivery_id}/attempts"
    ],
    removeAppAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    removeCollaborator: [
      "DELETE /repos/{owner}/{repo}/collaborators/{username}"
    ],
    removeStatusCheckContexts: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    removeStatusCheckProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    removeTeamAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    removeUserAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    renameBranch: ["POST /repos/{owner}/{repo}/branches/{branch}/rename"],
    replaceAllTopics: ["PUT /repos/{owner}/{repo}/topics"],
    requestPagesBuild: ["POST /repos/{owner}/{repo}/pages/builds"],
    setAdminBranchProtection: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    setAppAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    setStatusCheckContexts: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    setTeamAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    setUserAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    testPushWebhook: ["POST /repos/{owner}/{repo}/hooks/{hook_id}/tests"],
    transfer: ["POST /repos/{owner}/{repo}/transfer"],
    update: ["PATCH /repos/{owner}/{repo}"],
    updateBranchProtection: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    updateCommitComment: ["PATCH /repos/{owner}/{repo}/comments/{comment_id}"],
    updateDeploymentBranchPolicy: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    updateInformationAboutPagesSite: ["PUT /repos/{owner}/{repo}/pages"],
    updateInvitation: [
      "PATCH /repos/{owner}/{repo}/invitations/{invitation_id}"
    ],
    updateOrgRuleset: ["PUT /orgs/{org}/rulesets/{ruleset_id}"],
    updatePullRequestReviewProtection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    updateRelease: ["PATCH /repos/{owner}/{repo}/releases/{release_id}"],
    updateReleaseAsset: [
      "PATCH /repos/{owner}/{repo}/releases/assets/{asset_id}"
    ],
    updateRepoRuleset: ["PUT /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    updateStatusCheckPotection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks",
      {},
      { renamed: ["repos", "updateStatusCheckProtection"] }
    ],
    updateStatusCheckProtection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    updateWebhook: ["PATCH /repos/{owner}/{repo}/hooks/{hook_id}"],
    updateWebhookConfigForRepo: [
      "PATCH /repos/{owner}/{repo}/hooks/{hook_id}/config"
    ],
    uploadReleaseAsset: [
      "POST /repos/{owner}/{repo}/releases/{release_id}/assets{?name,label}",
      { baseUrl: "https://uploads.github.com" }
    ]
  },
  search: {
    code: ["GET /search/code"],
    commits: ["GET /search/commits"],
    issuesAndPullRequests: ["GET /search/issues"],
    labels: ["GET /search/labels"],
    repos: ["GET /search/repositories"],
    topics: ["GET /search/topics"],
    users: ["GET /search/users"]
  },
  secretScanning: {
    createPushProtectionBypass: [
      "POST /repos/{owner}/{repo}/secret-scanning/push-protection-bypasses"
    ],
    getAlert: [
      "GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}"
    ],
    getScanHistory: ["GET /repos/{owner}/{repo}/secret-scanning/scan-history"],
    listAlertsForOrg: ["GET /orgs/{org}/secret-scanning/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/secret-scanning/alerts"],
    listLocationsForAlert: [
      "GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}/locations"
    ],
    listOrgPatternConfigs: [
      "GET /orgs/{org}/secret-scanning/pattern-configurations"
    ],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}"
    ],
    updateOrgPatternConfigs: [
      "PATCH /orgs/{org}/secret-scanning/pattern-configurations"
    ]
  },
  securityAdvisories: {
    createFork: [
      "POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/forks"
    ],
    createPrivateVulnerabilityReport: [
      "POST /repos/{owner}/{repo}/security-advisories/reports"
    ],
    createRepositoryAdvisory: [
      "POST /repos/{owner}/{repo}/security-advisories"
    ],
    createRepositoryAdvisoryCveRequest: [
      "POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/cve"
    ],
    getGlobalAdvisory: ["GET /advisories/{ghsa_id}"],
    getRepositoryAdvisory: [
      "GET /repos/{owner}/{repo}/security-advisories/{ghsa_id}"
    ],
    listGlobalAdvisories: ["GET /advisories"],
    listOrgRepositoryAdvisories: ["GET /orgs/{org}/security-advisories"],
    listRepositoryAdvisories: ["GET /repos/{owner}/{repo}/security-advisories"],
    updateRepositoryAdvisory: [
      "PATCH /repos/{owner}/{repo}/security-advisories/{ghsa_id}"
    ]
  },
  teams: {
    addOrUpdateMembershipForUserInOrg: [
      "PUT /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    addOrUpdateRepoPermissionsInOrg: [
      "PUT /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    checkPermissionsForRepoInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    create: ["POST /orgs/{org}/teams"],
    createDiscussionCommentInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments"
    ],
    createDiscussionInOrg: ["POST /orgs/{org}/teams/{team_slug}/discussions"],
    deleteDiscussionCommentInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    deleteDiscussionInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    deleteInOrg: ["DELETE /orgs/{org}/teams/{team_slug}"],
    getByName: ["GET /orgs/{org}/teams/{team_slug}"],
    getDiscussionCommentInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    getDiscussionInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    getMembershipForUserInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    list: ["GET /orgs/{org}/teams"],
    listChildInOrg: ["GET /orgs/{org}/teams/{team_slug}/teams"],
    listDiscussionCommentsInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments"
    ],
    listDiscussionsInOrg: ["GET /orgs/{org}/teams/{team_slug}/discussions"],
    listForAuthenticatedUser: ["GET /user/teams"],
    listMembersInOrg: ["GET /orgs/{org}/teams/{team_slug}/members"],
    listPendingInvitationsInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/invitations"
    ],
    listReposInOrg: ["GET /orgs/{org}/teams/{team_slug}/repos"],
    removeMembershipForUserInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    removeRepoInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    updateDiscussionCommentInOrg: [
      "PATCH /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    updateDiscussionInOrg: [
      "PATCH /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    updateInOrg: ["PATCH /orgs/{org}/teams/{team_slug}"]
  },
  users: {
    addEmailForAuthenticated: [
      "POST /user/emails",
      {},
      { renamed: ["users", "addEmailForAuthenticatedUser"] }
    ],
    addEmailForAuthenticatedUser: ["POST /user/emails"],
    addSocialAccountForAuthenticatedUser: ["POST /user/social_accounts"],
    block: ["PUT /user/blocks/{username}"],
    checkBlocked: ["GET /user/blocks/{username}"],
    checkFollowingForUser: ["GET /users/{username}/following/{target_user}"],
    checkPersonIsFollowedByAuthenticated: ["GET /user/following/{username}"],
    createGpgKeyForAuthenticated: [
      "POST /user/gpg_keys",
      {},
      { renamed: ["users", "createGpgKeyForAuthenticatedUser"] }
    ],
    createGpgKeyForAuthenticatedUser: ["POST /user/gpg_keys"],
    createPublicSshKeyForAuthenticated: [
      "POST /user/keys",
      {},
      { renamed: ["users", "createPublicSshKeyForAuthenticatedUser"] }
    ],
    createPublicSshKeyForAuthenticatedUser: ["POST /user/keys"],
    createSshSigningKeyForAuthenticatedUser: ["POST /user/ssh_signing_keys"],
    deleteAttestationsBulk: [
      "POST /users/{username}/attestations/delete-request"
    ],
    deleteAttestationsById: [
      "DELETE /users/{username}/attestations/{attestation_id}"
    ],
    deleteAttestationsBySubjectDigest: [
      "DELETE /users/{username}/attestations/digest/{subject_digest}"
    ],
    deleteEmailForAuthenticated: [
      "DELETE /user/emails",
      {},
      { renamed: ["users", "deleteEmailForAuthenticatedUser"] }
    ],
    deleteEmailForAuthenticatedUser: ["DELETE /user/emails"],
    deleteGpgKeyForAuthenticated: [
      "DELETE /user/gpg_keys/{gpg_key_id}",
      {},
      { renamed: ["users", "deleteGpgKeyForAuthenticatedUser"] }
    ],
    deleteGpgKeyForAuthenticatedUser: ["DELETE /user/gpg_keys/{gpg_key_id}"],
    deletePublicSshKeyForAuthenticated: [
      "DELETE /user/keys/{key_id}",
      {},
      { renamed: ["users", "deletePublicSshKeyForAuthenticatedUser"] }
    ],
    deletePublicSshKeyForAuthenticatedUser: ["DELETE /user/keys/{key_id}"],
    deleteSocialAccountForAuthenticatedUser: ["DELETE /user/social_accounts"],
    deleteSshSigningKeyForAuthenticatedUser: [
      "DELETE /user/ssh_signing_keys/{ssh_signing_key_id}"
    ],
    follow: ["PUT /user/following/{username}"],
    getAuthenticated: ["GET /user"],
    getById: ["GET /user/{account_id}"],
    getByUsername: ["GET /users/{username}"],
    getContextForUser: ["GET /users/{username}/hovercard"],
    getGpgKeyForAuthenticated: [
      "GET /user/gpg_keys/{gpg_key_id}",
      {},
      { renamed: ["users", "getGpgKeyForAuthenticatedUser"] }
    ],
    getGpgKeyForAuthenticatedUser: ["GET /user/gpg_keys/{gpg_key_id}"],
    getPublicSshKeyForAuthenticated: [
      "GET /user/keys/{key_id}",
      {},
      { renamed: ["users", "getPublicSshKeyForAuthenticatedUser"] }
    ],
    getPublicSshKeyForAuthenticatedUser: ["GET /user/keys/{key_id}"],
    getSshSigningKeyForAuthenticatedUser: [
      "GET /user/ssh_signing_keys/{ssh_signing_key_id}"
    ],
    list: ["GET /users"],
    listAttestations: ["GET /users/{username}/attestations/{subject_digest}"],
    listAttestationsBulk: [
      "POST /users/{username}/attestations/bulk-list{?per_page,before,after}"
    ],
    listBlockedByAuthenticated: [
      "GET /user/blocks",
      {},
      { renamed: ["users", "listBlockedByAuthenticatedUser"] }
    ],
    listBlockedByAuthenticatedUser: ["GET /user/blocks"],
    listEmailsForAuthenticated: [
      "GET /user/emails",
      {},
      { renamed: ["users", "listEmailsForAuthenticatedUser"] }
    ],
    listEmailsForAuthenticatedUser: ["GET /user/emails"],
    listFollowedByAuthenticated: [
      "GET /user/following",
      {},
      { renamed: ["users", "listFollowedByAuthenticatedUser"] }
    ],
    listFollowedByAuthenticatedUser: ["GET /user/following"],
    listFollowersForAuthenticatedUser: ["GET /user/followers"],
    listFollowersForUser: ["GET /users/{username}/followers"],
    listFollowingForUser: ["GET /users/{username}/following"],
    listGpgKeysForAuthenticated: [
      "GET /user/gpg_keys",
      {},
      { renamed: ["users", "listGpgKeysForAuthenticatedUser"] }
    ],
    listGpgKeysForAuthenticatedUser: ["GET /user/gpg_keys"],
    listGpgKeysForUser: ["GET /users/{username}/gpg_keys"],
    listPublicEmailsForAuthenticated: [
      "GET /user/public_emails",
      {},
      { renamed: ["users", "listPublicEmailsForAuthenticatedUser"] }
    ],
    listPublicEmailsForAuthenticatedUser: ["GET /user/public_emails"],
    listPublicKeysForUser: ["GET /users/{username}/keys"],
    listPublicSshKeysForAuthenticated: [
      "GET /user/keys",
      {},
      { renamed: ["users", "listPublicSshKeysForAuthenticatedUser"] }
    ],
    listPublicSshKeysForAuthenticatedUser: ["GET /user/keys"],
    listSocialAccountsForAuthenticatedUser: ["GET /user/social_accounts"],
    listSocialAccountsForUser: ["GET /users/{username}/social_accounts"],
    listSshSigningKeysForAuthenticatedUser: ["GET /user/ssh_signing_keys"],
    listSshSigningKeysForUser: ["GET /users/{username}/ssh_signing_keys"],
    setPrimaryEmailVisibilityForAuthenticated: [
      "PATCH /user/email/visibility",
      {},
      { renamed: ["users", "setPrimaryEmailVisibilityForAuthenticatedUser"] }
    ],
    setPrimaryEmailVisibilityForAuthenticatedUser: [
      "PATCH /user/email/visibility"
    ],
    unblock: ["DELETE /user/blocks/{username}"],
    unfollow: ["DELETE /user/following/{username}"],
    updateAuthenticated: ["PATCH /user"]
  }
};
var endpoints_default = Endpoints;

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/endpoints-to-methods.js
var endpointMethodsMap = /* @__PURE__ */ new Map();
for (const [scope, endpoints] of Object.entries(endpoints_default)) {
  for (const [methodName, endpoint2] of Object.entries(endpoints)) {
    const [route, defaults, decorations] = endpoint2;
    const [method, url] = route.split(/ /);
    const endpointDefaults = Object.assign(
      {
        method,
        url
      },
      defaults
    );
    if (!endpointMethodsMap.has(scope)) {
      endpointMethodsMap.set(scope, /* @__PURE__ */ new Map());
    }
    endpointMethodsMap.get(scope).set(methodName, {
      scope,
      methodName,
      endpointDefaults,
      decorations
    });
  }
}
var handler = {
  has({ scope }, methodName) {
    return endpointMethodsMap.get(scope).has(methodName);
  },
  getOwnPropertyDescriptor(target, methodName) {
    return {
      value: this.get(target, methodName),
      // ensures method is in the cache
      configurable: true,
      writable: true,
      enumerable: true
    };
  },
  defineProperty(target, methodName, descriptor) {
    Object.defineProperty(target.cache, methodName, descriptor);
    return true;
  },
  deleteProperty(target, methodName) {
    delete target.cache[methodName];
    return true;
  },
  ownKeys({ scope }) {
    return [...endpointMethodsMap.get(scope).keys()];
  },
  set(target, methodName, value) {
    return target.cache[methodName] = value;
  },
  get({ octokit, scope, cache }, methodName) {
    if (cache[methodName]) {
      return cache[methodName];
    }
    const method = endpointMethodsMap.get(scope).get(methodName);
    if (!method) {
      return void 0;
    }
    const { endpointDefaults, decorations } = method;
    if (decorations) {
      cache[methodName] = decorate(
        octokit,
        scope,
        methodName,
        endpointDefaults,
        decorations
      );
    } else {
      cache[methodName] = octokit.request.defaults(endpointDefaults);
    }
    return cache[methodName];
  }
};
function endpointsToMethods(octokit) {
  const newMethods = {};
  for (const scope of endpointMethodsMap.keys()) {
    newMethods[scope] = new Proxy({ octokit, scope, cache: {} }, handler);
  }
  return newMethods;
}
function decorate(octokit, scope, methodName, defaults, decorations) {
  const requestWithDefaults = octokit.request.defaults(defaults);
  function withDecorations(...args) {
    let options = requestWithDefaults.endpoint.merge(...args);
    if (decorations.mapToData) {
      options = Object.assign({}, options, {
        data: options[decorations.mapToData],
        [decorations.mapToData]: void 0
      });
      return requestWithDefaults(options);
    }
    if (decorations.renamed) {
      const [newScope, newMethodName] = decorations.renamed;
      octokit.log.warn(
        `octokit.${scope}.${methodName}() has been renamed to octokit.${newScope}.${newMethodName}()`
      );
    }
    if (decorations.deprecated) {
      octokit.log.warn(decorations.deprecated);
    }
    if (decorations.renamedParameters) {
      const options2 = requestWithDefaults.endpoint.merge(...args);
      for (const [name, alias] of Object.entries(
        decorations.renamedParameters
      )) {
        if (name in options2) {
          octokit.log.warn(
            `"${name}" parameter is deprecated for "octokit.${scope}.${methodName}()". Use "${alias}" instead`
          );
          if (!(alias in options2)) {
            options2[alias] = options2[name];
          }
          delete options2[name];
        }
      }
      return requestWithDefaults(options2);
    }
    return requestWithDefaults(...args);
  }
  return Object.assign(withDecorations, requestWithDefaults);
}

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/index.js
function restEndpointMethods(octokit) {
  const api = endpointsToMethods(octokit);
  return {
    rest: api
  };
}
restEndpointMethods.VERSION = VERSION9;
function legacyRestEndpointMethods(octokit) {
  const api = endpointsToMethods(octokit);
  return {
    ...api,
    rest: api
  };
}
legacyRestEndpointMethods.VERSION = VERSION9;

// node_modules/@octokit/rest/dist-src/version.js
var VERSION10 = "22.0.1";

// node_modules/@octokit/rest/dist-src/index.js
var Octokit2 = Octokit.plugin(requestLog, legacyRestEndpointMethods, paginateRest).defaults(
  {
    userAgent: `octokit-rest.js/${VERSION10}`
  }
);

// src/respond/notify/github-client.ts
var defaultTimeoutMs = 1e4;
var defaultWriteSpacingMs = 1e3;
var defaultMaxWaitSeconds = 60;
var defaultRetries = 2;
var maxPages = 100;
var KeywardenOctokit = Octokit2.plugin(finalNetworkErrors, retry, throttling);
function gitHubClient(settings) {
  const base = apiBase(settings.apiUrl);
  const basePath = base.pathname.replace(/\/+$/, "");
  const timeoutMs = settings.timeoutMs ?? defaultTimeoutMs;
  const maxWaitSeconds = settings.maxWaitSeconds ?? defaultMaxWaitSeconds;
  const retries = settings.retries ?? defaultRetries;
  const secondMs = settings.secondMs ?? 1e3;
  const spacing = spacedGroup(settings.writeSpacingMs ?? defaultWriteSpacingMs);
  let gaveUp;
  const onLimit = (retryAfter, _options, _octokit, retryCount) => {
    if (retryAfter > maxWaitSeconds) gaveUp = `rate limited: GitHub asks to wait ${retryAfter} s, more than the ${maxWaitSeconds} s keywarden waits`;
    else if (retryCount >= retries) gaveUp = `still rate limited after ${retries} ${retries === 1 ? "retry" : "retries"}`;
    else return true;
    return false;
  };
  const guardedFetch = (input, init) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    if (url.origin !== base.origin || !`${url.pathname}/`.startsWith(`${basePath}/`)) {
      return Promise.reject(new OutsideApi());
    }
    return fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  };
  const api = new KeywardenOctokit({
    baseUrl: `${base.origin}${basePath}`,
    auth: settings.token,
    userAgent: "keywarden",
    // The request-log plugin would print every failed request to stderr; the caller warns once.
    log: silent,
    request: { fetch: guardedFetch },
    retry: { retries, retryAfterBaseValue: secondMs },
    throttle: {
      onRateLimit: onLimit,
      onSecondaryRateLimit: onLimit,
      retryAfterBaseValue: secondMs,
      // The plugin's own groups space writes 1 s apart, and writes that notify people (issues,
      // comments) 3 s, in module-wide groups no option reaches. Ours, so tests can say 0: every
      // write waits its turn once (a notifying write goes through both groups: the second must not wait again).
      write: spacing,
      notifications: spacedGroup(0)
    }
  });
  return {
    api,
    async call(work) {
      gaveUp = void 0;
      try {
        return await work(api);
      } catch (error2) {
        const message = safeMessage(error2, timeoutMs);
        const status = httpStatus(error2);
        const why = gaveUp !== void 0 && (status === 403 || status === 429) ? ` (${gaveUp})` : "";
        throw new Error(redact2(`${message}${why}`, settings.token));
      }
    }
  };
}
async function* listAll(api, route, parameters, what) {
  let pages = 0;
  for await (const page of api.paginate.iterator(route, { ...parameters, per_page: 100 })) {
    if (++pages > maxPages) throw new Error(`GitHub API: more than ${maxPages * 100} ${what}`);
    const data = page.data;
    if (!Array.isArray(data)) throw new Error(`GitHub API: unexpected answer listing ${what}`);
    yield* data;
  }
}
function httpStatus(error2) {
  if (error2 === null || typeof error2 !== "object") return void 0;
  const { status, response } = error2;
  return typeof status === "number" && response !== void 0 ? status : void 0;
}
function authorOf(item) {
  const user = item.user !== null && typeof item.user === "object" ? item.user : {};
  return {
    login: typeof user.login === "string" ? user.login : void 0,
    isBot: user.type === "Bot",
    association: typeof item.author_association === "string" ? item.author_association : void 0
  };
}
function isTrustedAuthor(author) {
  return author.isBot || ["OWNER", "MEMBER", "COLLABORATOR"].includes(author.association ?? "");
}
function sameBody(stored, sent) {
  return stored.replace(/\r\n/g, "\n") === sent.replace(/\r\n/g, "\n");
}
var silent = { debug: () => void 0, info: () => void 0, warn: () => void 0, error: () => void 0 };
var spacers = /* @__PURE__ */ new Map();
function spacedGroup(spacingMs) {
  let spacer = spacers.get(spacingMs);
  if (spacer) return spacer;
  let nextStart = 0;
  const limiter = {
    async schedule(_jobOptions, task) {
      const now = Date.now();
      const start = Math.max(now, nextStart);
      nextStart = start + spacingMs;
      if (start > now) await new Promise((resolve4) => setTimeout(resolve4, start - now));
      return task();
    }
  };
  spacer = { key: () => limiter };
  spacers.set(spacingMs, spacer);
  return spacer;
}
function finalNetworkErrors(octokit) {
  octokit.hook.error("request", (error2) => {
    if (httpStatus(error2) === void 0) throw new NoAnswer(error2);
    throw error2;
  });
}
var NoAnswer = class extends Error {
  constructor(cause) {
    super("no answer", { cause });
  }
};
var OutsideApi = class extends Error {
};
function apiBase(apiUrl) {
  let url;
  try {
    url = new URL(apiUrl);
  } catch {
    throw new Error("GitHub API URL is not a valid URL");
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback(url.hostname))) {
    throw new Error(`GitHub API URL must be https (http only for loopback hosts), not ${url.protocol}`);
  }
  if (url.username !== "" || url.password !== "") throw new Error("GitHub API URL must not contain credentials");
  return url;
}
function safeMessage(error2, timeoutMs) {
  const status = httpStatus(error2);
  if (status !== void 0) {
    const data = error2.response.data;
    const message2 = data !== null && typeof data === "object" ? data.message : void 0;
    return typeof message2 === "string" && message2.trim() !== "" ? `GitHub API: ${status} ${oneLine(message2)}` : `GitHub API: ${status}`;
  }
  const causes = causeChain(error2);
  if (causes.some((cause) => cause instanceof OutsideApi)) return "GitHub API: refused to follow a link outside the API URL";
  if (causes.some((cause) => cause.name === "TimeoutError")) return `GitHub API unreachable: no answer within ${timeoutMs} ms`;
  const code2 = causes.map((cause) => cause.code).find((c) => typeof c === "string" && /^[A-Z][A-Z0-9_]+$/.test(c));
  if (code2) return `GitHub API unreachable: ${code2}`;
  const first = causes.find((cause) => !(cause instanceof NoAnswer));
  const message = first instanceof Error ? first.message : "unknown error";
  return message.startsWith("GitHub API") ? oneLine(message) : `GitHub API unreachable: ${oneLine(message)}`;
}
function causeChain(error2) {
  const chain = [];
  for (let current = error2; current !== void 0 && current !== null && chain.length < 8; current = current.cause) {
    chain.push(current);
    if (typeof current !== "object") break;
  }
  return chain;
}
function oneLine(text) {
  const line = text.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 199)}\u2026` : line;
}
function redact2(message, token) {
  return token.length >= 4 ? message.split(token).join("[REDACTED]") : message;
}

// src/respond/notify/pr-comment.ts
async function upsertMarkedComment(target, number, marker, body, options = {}) {
  checkArguments(number, marker, body);
  return gitHubClient({ ...options, apiUrl: target.apiUrl, token: target.token }).call(async (api) => {
    const marked = await markedComments(api, target, number, marker);
    const kept = keeper(marked);
    if (!kept) {
      await api.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: number, body });
      return "created";
    }
    return settleOn(api, target, marked, kept, body);
  });
}
async function settleMarkedComment(target, number, marker, allClearBody, options = {}) {
  checkArguments(number, marker, allClearBody);
  return gitHubClient({ ...options, apiUrl: target.apiUrl, token: target.token }).call(async (api) => {
    const marked = await markedComments(api, target, number, marker);
    const kept = keeper(marked);
    if (!kept) return "none";
    return settleOn(api, target, marked, kept, allClearBody);
  });
}
function checkArguments(number, marker, body) {
  if (!Number.isSafeInteger(number) || number < 1) throw new Error(`GitHub comment: ${String(number)} is not an issue or pull request number`);
  if (marker.trim() === "") throw new Error("GitHub comment: the marker is empty");
  if (!body.startsWith(marker)) throw new Error("GitHub comment: the body does not contain the marker at its start");
}
async function markedComments(api, target, number, marker) {
  const marked = [];
  for await (const item of listAll(api, "GET /repos/{owner}/{repo}/issues/{issue_number}/comments", { owner: target.owner, repo: target.repo, issue_number: number }, "comments")) {
    const comment = listedComment(item);
    if (comment && comment.body.trimStart().startsWith(marker)) marked.push(comment);
  }
  return marked;
}
function listedComment(item) {
  if (item === null || typeof item !== "object") return void 0;
  const fields = item;
  const { id, body } = fields;
  if (typeof id !== "number" || typeof body !== "string") return void 0;
  const { login: login2, isBot } = authorOf(fields);
  return { id, body, login: login2, isBot };
}
function keeper(marked) {
  return marked.find((comment) => comment.isBot) ?? marked[0];
}
async function settleOn(api, target, marked, kept, body) {
  let outcome = "unchanged";
  if (!sameBody(kept.body, body)) {
    await api.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: kept.id, body });
    outcome = "updated";
  }
  const duplicates = marked.filter((comment) => comment !== kept && comment.login !== void 0 && comment.login === kept.login);
  for (const duplicate of duplicates) {
    try {
      await api.rest.issues.deleteComment({ owner: target.owner, repo: target.repo, comment_id: duplicate.id });
    } catch (error2) {
      if (httpStatus(error2) !== 404) throw error2;
    }
  }
  return outcome;
}

// src/run/base-keys.ts
async function withoutKeysInBase(findings, repo, base, head) {
  const basePaths = /* @__PURE__ */ new Map();
  const forms = /* @__PURE__ */ new Map();
  const formsOf = (finding) => {
    const key = finding.secret.reveal();
    let known = forms.get(key);
    if (!known) forms.set(key, known = [key, ...base64Forms(key)]);
    return known;
  };
  let kept = [];
  for (const finding of findings) {
    const { path } = finding.origin;
    let blob = basePaths.get(path);
    if (!blob) {
      blob = blobAt(repo, base, path).then((content2) => content2 && utf8Of(content2));
      basePaths.set(path, blob);
    }
    const content = await blob;
    if (!content || !formsOf(finding).some((form) => content.includes(form))) kept.push(finding);
  }
  if (head !== void 0 && kept.length > 0) {
    const moved = await keysOnRemovedLines(repo, base, head, new Map(kept.map((finding) => [finding.secret.reveal(), formsOf(finding)])));
    kept = kept.filter((finding) => !moved.has(finding.secret.reveal()));
  }
  return { kept, inBase: findings.length - kept.length };
}
async function keysOnRemovedLines(repo, base, head, keys) {
  const found = /* @__PURE__ */ new Set();
  const args = ["diff", "-U0", "--no-renames", "--text", "--no-color", "--no-ext-diff", "--no-textconv", "--end-of-options", base, head, "--"];
  for await (const line of gitLines(repo, args)) {
    if (!line.startsWith("-")) continue;
    for (const [key, forms] of keys) {
      if (forms.some((form) => line.includes(form))) {
        found.add(key);
        keys.delete(key);
      }
    }
    if (keys.size === 0) break;
  }
  return found;
}

// src/run/config.ts
function runConfigProblem(given, failOn, spell) {
  if (given.has("verify")) return void 0;
  const verify = spell("verify");
  if (given.has("revoke")) return `${spell("revoke")} needs ${verify}: only a key the live check calls live is revoked`;
  if (failOn === "live") return `${spell("failOn", "live")} needs ${verify}: without a live check no key is known to be live`;
  if (given.has("results")) return `${spell("results")} needs ${verify}: outcomes come from the live check`;
  for (const option of ["verifyTimeout", "verifyConcurrency"]) {
    if (given.has(option)) return `${spell(option)} needs ${verify}: without it no key is checked`;
  }
  return void 0;
}
function parseResults(text) {
  const chosen = text.split(",").map((part) => part.trim()).filter((part) => part !== "");
  const wrong = chosen.filter((part) => !verificationStatuses.includes(part));
  if (chosen.length === 0 || wrong.length > 0) {
    throw new UsageError(`--results: ${wrong.length > 0 ? `'${wrong.join("', '")}' is not an outcome` : "name at least one outcome"}; choose from ${verificationStatuses.join(",")}`);
  }
  return new Set(chosen);
}

// src/detect/finding.ts
import { createHash as createHash2 } from "node:crypto";
function secretHashOf(key) {
  return `sha256:${createHash2("sha256").update(key, "utf8").digest("hex")}`;
}
function fingerprintOf(path, ruleId, secretHash, repository) {
  return `${repository !== void 0 ? `${repository}:` : ""}${path}:${ruleId}:${secretHash.slice("sha256:".length, "sha256:".length + 16)}`;
}
function toWire(match, origin) {
  return {
    ruleId: match.rule.id,
    key: match.key,
    origin,
    line: match.line,
    column: match.column,
    endColumn: match.endColumn,
    ...match.encoding ? { encoding: match.encoding } : {}
  };
}
function toFinding(wire, rule) {
  const secretHash = secretHashOf(wire.key);
  return {
    ruleId: rule.id,
    provider: rule.provider,
    severity: rule.severity,
    secret: new Secret(wire.key, rule.prefix),
    secretHash,
    fingerprint: fingerprintOf(wire.origin.path, rule.id, secretHash, wire.origin.repository),
    origin: wire.origin,
    line: wire.line,
    column: wire.column,
    endColumn: wire.endColumn,
    ...wire.encoding ? { encoding: wire.encoding } : {}
  };
}

// src/sources/cat-file.ts
import { spawn } from "node:child_process";
var header = /^(\S+) (\S+) (\d+)$/;
var defaultMaxInFlight = 8192;
var CatFileBatch = class {
  #child;
  #maxSize;
  #maxInFlight;
  #exited;
  #stderr = "";
  #inFlight = 0;
  #ended = false;
  #stopped = false;
  #waiters = [];
  #queued = [];
  constructor(repo, options) {
    this.#maxSize = options.maxSize;
    this.#maxInFlight = options.maxInFlight ?? defaultMaxInFlight;
    const buffer = this.#maxInFlight >= defaultMaxInFlight ? ["--buffer"] : [];
    this.#child = spawn("git", [...stableConfig, "cat-file", "--batch", ...buffer], { cwd: repo, env: gitEnv(), stdio: ["pipe", "pipe", "pipe"] });
    this.#child.stderr.setEncoding("utf8").on("data", (chunk) => {
      if (this.#stderr.length < 4096) this.#stderr += chunk;
    });
    this.#child.stdin.on("error", () => void 0);
    this.#exited = new Promise((resolve4, reject) => {
      this.#child.on(
        "error",
        (error2) => reject(error2.code === "ENOENT" ? new KeywardenError("git is not installed or not on PATH") : error2)
      );
      this.#child.on("close", resolve4);
    });
    this.#exited.catch(() => void 0);
  }
  /**
   * Queue a request for one object by its full hex id. Requests are sent in batches, by
   * `flush()`, `whenReady()` and `end()`.
   */
  request(oid) {
    if (this.#stopped || this.#ended) throw new KeywardenError("git cat-file stopped before every object was read");
    this.#inFlight++;
    this.#queued.push(oid);
  }
  /** Send the queued requests. */
  flush() {
    if (this.#queued.length === 0 || this.#stopped) return;
    this.#child.stdin.write(`${this.#queued.join("\n")}
`);
    this.#queued = [];
  }
  /** Too many replies are outstanding: wait for `whenReady()` before requesting more. */
  get full() {
    return this.#inFlight >= this.#maxInFlight;
  }
  /** Send what is queued, then wait until at most half of `maxInFlight` replies are outstanding (or git stopped). */
  async whenReady() {
    this.flush();
    while (this.#inFlight > this.#maxInFlight / 2 && !this.#stopped) await new Promise((resolve4) => this.#waiters.push(resolve4));
  }
  /** No more requests: git answers what is queued and exits. */
  end() {
    if (this.#ended) return;
    this.flush();
    this.#ended = true;
    this.#child.stdin.end();
  }
  /**
   * Replies in request order, in batches (those completed by one chunk of git's output),
   * until `end()` was called and everything was answered. Throws if git fails.
   */
  async *replies() {
    let partialHeader;
    let body;
    try {
      for await (const chunk of this.#child.stdout) {
        const batch = [];
        let at = 0;
        while (at < chunk.length) {
          if (body) {
            const take = Math.min(body.size + 1 - body.consumed, chunk.length - at);
            const copy = Math.min(take, body.size - body.consumed);
            if (body.data && copy > 0) chunk.copy(body.data, body.consumed, at, at + copy);
            body.consumed += take;
            at += take;
            if (body.consumed === body.size + 1) {
              batch.push(
                this.#answered(body.data ? { kind: "object", oid: body.oid, type: body.type, size: body.size, data: body.data } : { kind: "too-large", oid: body.oid, type: body.type, size: body.size })
              );
              body = void 0;
            }
            continue;
          }
          const newline = chunk.indexOf(10, at);
          if (newline === -1) {
            partialHeader = Buffer.concat([partialHeader ?? Buffer.alloc(0), chunk.subarray(at)]);
            break;
          }
          const line = Buffer.concat([partialHeader ?? Buffer.alloc(0), chunk.subarray(at, newline)]).toString("latin1");
          partialHeader = void 0;
          at = newline + 1;
          if (line.endsWith(" missing")) {
            batch.push(this.#answered({ kind: "missing", oid: line.slice(0, -" missing".length) }));
            continue;
          }
          const parsed = header.exec(line);
          if (!parsed) throw new KeywardenError(`unexpected output from git cat-file: ${line.slice(0, 100)}`);
          const [, oid = "", type = "", sizeText = ""] = parsed;
          const size = Number(sizeText);
          const keep = size <= this.#maxSize;
          if (keep && chunk.length - at > size) {
            const data = chunk.subarray(at, at + size);
            at += size + 1;
            batch.push(this.#answered({ kind: "object", oid, type, size, data }));
            continue;
          }
          body = { oid, type, size, data: keep ? Buffer.allocUnsafe(size) : void 0, consumed: 0 };
        }
        if (batch.length > 0) yield batch;
      }
      const code2 = await this.#exited;
      if (code2 !== 0) throw gitError(["cat-file", "--batch"], this.#stderr, code2);
      if (this.#inFlight > 0 || body) throw new KeywardenError("git cat-file ended before answering every request");
    } finally {
      this.#stop();
    }
  }
  #answered(reply) {
    this.#inFlight--;
    if (this.#inFlight <= this.#maxInFlight / 2) for (const wake of this.#waiters.splice(0)) wake();
    return reply;
  }
  #stop() {
    this.#stopped = true;
    for (const wake of this.#waiters.splice(0)) wake();
    if (this.#child.exitCode === null && this.#child.signalCode === null) this.#child.kill();
  }
};

// src/sources/unified-diff.ts
var commitMarker = "commit ";
var commitFormat = "%x01commit %H%x09%an%x09%ae%x09%aI";
var maxRunBytes = 4 * 1024 * 1024;
function unquotePath(text) {
  if (!text.startsWith('"') || !text.endsWith('"')) return text;
  const bytes = [];
  const inner = text.slice(1, -1);
  const simple = { n: 10, t: 9, r: 13, b: 8, f: 12, a: 7, v: 11, "\\": 92, '"': 34 };
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i] ?? "";
    if (c !== "\\") {
      bytes.push(...Buffer.from(c, "utf8"));
      continue;
    }
    const next = inner[i + 1] ?? "";
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(inner.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
function parseCommit(line) {
  const [commit = "", author = "", email = "", date = ""] = line.slice(commitMarker.length).split("	");
  return { commit, author, email, date };
}
var hunkHeader = /^(@{2,}) (?:-\d+(?:,\d+)? )+\+(\d+)(?:,\d+)? \1/;
var prefixChars = /^[ +-]*$/;
async function* addedRuns(diff) {
  let commit;
  let path;
  let inHunk = false;
  let nextLine = 0;
  let columns = 1;
  let run;
  let runBytes = 0;
  const take = () => {
    const done2 = run;
    run = void 0;
    runBytes = 0;
    return done2;
  };
  for await (const line of diff) {
    if (line.startsWith(commitMarker)) {
      const done2 = take();
      if (done2) yield done2;
      commit = parseCommit(line);
      path = void 0;
      inHunk = false;
      continue;
    }
    if (line.startsWith("diff --git ") || line.startsWith("diff --cc ") || line.startsWith("diff --combined ")) {
      const done2 = take();
      if (done2) yield done2;
      path = void 0;
      inHunk = false;
      continue;
    }
    if (!inHunk) {
      if (line.startsWith("+++ ")) {
        const target = line.slice(4).replace(/\t$/, "");
        path = target === "/dev/null" ? void 0 : unquotePath(target).replace(/^b\//, "");
      }
      const hunk2 = hunkHeader.exec(line);
      if (hunk2 && path !== void 0) {
        inHunk = true;
        columns = (hunk2[1]?.length ?? 2) - 1;
        nextLine = Number(hunk2[2]);
      }
      continue;
    }
    const hunk = hunkHeader.exec(line);
    const prefix = line.slice(0, columns);
    if (hunk) {
      const done2 = take();
      if (done2) yield done2;
      columns = (hunk[1]?.length ?? 2) - 1;
      nextLine = Number(hunk[2]);
    } else if (line === "" || prefixChars.test(prefix) && prefix.length === columns && !prefix.includes("-") && prefix.includes(" ")) {
      const done2 = take();
      if (done2) yield done2;
      nextLine++;
    } else if (prefix === "+".repeat(columns)) {
      const text = line.slice(columns);
      if (!run || runBytes > maxRunBytes) {
        const done2 = take();
        if (done2) yield done2;
        run = { path: path ?? "", startLine: nextLine, lines: [], ...commit ? { commit } : {} };
      }
      run.lines.push(text);
      runBytes += text.length + 1;
      nextLine++;
    } else if (prefixChars.test(prefix) && prefix.length === columns || line.startsWith("\\")) {
      const done2 = take();
      if (done2) yield done2;
    } else {
      const done2 = take();
      if (done2) yield done2;
      inHunk = false;
    }
  }
  const done = take();
  if (done) yield done;
}
function addedLinesOf(path, before, after, commit) {
  const old = /* @__PURE__ */ new Map();
  if (before !== "") for (const line of before.split("\n")) old.set(line, (old.get(line) ?? 0) + 1);
  const runs = [];
  let run;
  after.split("\n").forEach((line, index) => {
    const left = old.get(line) ?? 0;
    if (left > 0) {
      old.set(line, left - 1);
      run = void 0;
    } else if (run) {
      run.lines.push(line);
    } else {
      run = { path, startLine: index + 1, lines: [line], ...commit ? { commit } : {} };
      runs.push(run);
    }
  });
  return runs;
}
function runChunk(run, origin) {
  return { origin, data: Buffer.from(`${run.lines.join("\n")}
`, "utf8"), startLine: run.startLine };
}

// src/sources/commit-diffs.ts
function addedRunsInCommits(repo, revisionArgs) {
  return addedRuns(
    gitLines(repo, [
      "log",
      "-p",
      "-U0",
      "--root",
      "--cc",
      "--text",
      `--format=${commitFormat}`,
      "--no-color",
      "--no-ext-diff",
      "--no-textconv",
      "--no-relative",
      "--no-show-signature",
      "--src-prefix=a/",
      "--dst-prefix=b/",
      ...revisionArgs
    ])
  );
}
async function utf16AddedRuns(repo, commit, path) {
  const after = await blobAt(repo, commit.commit, path);
  if (!after || !isUtf16(sniffText(after))) return [];
  const before = await blobAt(repo, `${commit.commit}^`, path);
  const text = (blob) => blob ? utf8Of(blob).toString("utf8") : "";
  return addedLinesOf(path, text(before), text(after), commit);
}
async function* addedChunksInCommits(repo, revisionArgs, excluded) {
  const withNul = /* @__PURE__ */ new Map();
  for await (const run of addedRunsInCommits(repo, revisionArgs)) {
    if (!run.commit || excluded?.(run.path)) continue;
    if (run.lines.some((line) => line.includes("\0"))) withNul.set(`${run.commit.commit}\0${run.path}`, { commit: run.commit, path: run.path });
    yield runChunk(run, { kind: "history", path: run.path, ...run.commit });
  }
  for (const { commit, path } of withNul.values()) {
    for (const run of await utf16AddedRuns(repo, commit, path)) yield runChunk(run, { kind: "history", path, ...commit });
  }
}

// src/sources/history.ts
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
async function openRepository(path) {
  const dir = resolve(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new KeywardenError(`not a directory: ${path}`);
  const probe = await gitOutput(dir, ["rev-parse", "--is-bare-repository", "--is-shallow-repository"]).catch((error2) => {
    throw new KeywardenError(`not a git repository: ${path}${error2 instanceof Error ? ` (${error2.message})` : ""}`);
  });
  const [bare, shallow] = probe.stdout.toString("utf8").split("\n");
  const top = bare === "true" ? void 0 : await gitOutput(dir, ["rev-parse", "--show-toplevel"], { allowFailure: true });
  const workTree = top && top.code === 0 ? top.stdout.toString("utf8").trim() : "";
  const promisor = await gitOutput(dir, ["config", "--get-regexp", "^(remote\\..*\\.promisor|extensions\\.partialclone)$"], { allowFailure: true });
  const partial = promisor.stdout.toString("utf8").split("\n").some((line) => line.startsWith("extensions.partialclone ") || line.endsWith(" true"));
  return { dir, ...workTree ? { workTree } : {}, shallow: shallow === "true", partial };
}
async function presentBlobs(repo) {
  const present = /* @__PURE__ */ new Set();
  for await (const line of gitLines(repo.dir, ["cat-file", "--batch-all-objects", "--unordered", "--batch-check=%(objecttype) %(objectname)"])) {
    if (line.startsWith("blob ")) present.add(line.slice(5));
  }
  return present;
}
async function stashEntries(repo) {
  const { stdout, code: code2 } = await gitOutput(repo.dir, ["log", "-g", "--format=%H", "refs/stash", "--"], { allowFailure: true });
  return code2 === 0 ? stdout.toString("latin1").split("\n").filter((line) => /^[0-9a-f]{40,64}$/.test(line)) : [];
}
var format = "%x01%H%x09%an%x09%ae%x09%aI";
var [commitByte, rawByte, tabByte, newlineByte] = [1, 58, 9, 10];
var newContent = /* @__PURE__ */ new Set([65, 77, 84]);
function rawSighting(data, start, end) {
  const tab = data.indexOf(tabByte, start);
  if (tab === -1 || tab > end) return void 0;
  const length = (tab - start - 18) / 2;
  if (length !== 40 && length !== 64) return void 0;
  const isRegularFile = data[start + 8] === 49 && data[start + 9] === 48 && data[start + 10] === 48;
  if (!isRegularFile || !newContent.has(data[tab - 1] ?? 0)) return void 0;
  const oidStart = start + 16 + length;
  return { oid: data.toString("latin1", oidStart, oidStart + length), path: unquotePath(data.toString("utf8", tab + 1, end)) };
}
async function* blobSightings(repo, selection, excluded) {
  const revisions = selection.revisions.length > 0 ? ["--end-of-options", ...selection.revisions] : ["--all", ...await stashEntries(repo)];
  const args = [
    "log",
    "--raw",
    "--no-abbrev",
    "--no-renames",
    "--no-relative",
    "--no-show-signature",
    "--root",
    "--diff-merges=first-parent",
    "--date-order",
    "--reverse",
    `--format=${format}`,
    ...selection.since !== void 0 ? [`--since=${selection.since}`] : [],
    ...revisions,
    "--"
  ];
  let commit;
  let seq = 0;
  let rest;
  for await (const chunk of gitChunks(repo.dir, args)) {
    const data = rest ? Buffer.concat([rest, chunk]) : chunk;
    const batch = [];
    let start = 0;
    for (let end = data.indexOf(newlineByte); end !== -1; start = end + 1, end = data.indexOf(newlineByte, start)) {
      if (data[start] === commitByte) {
        const [hash = "", author = "", email = "", date = ""] = data.toString("utf8", start + 1, end).split("	");
        commit = { seq: seq++, commit: hash, author, email, date };
      } else if (data[start] === rawByte && commit) {
        const found = rawSighting(data, start, end);
        if (found && !excluded(found.path)) batch.push({ ...found, commit });
      }
    }
    rest = start < data.length ? data.subarray(start) : void 0;
    if (batch.length > 0) yield batch;
  }
}

// src/run/scan-chunks.ts
function chunkSource(chunksOf, options = {}) {
  return {
    ...options.firstPerFingerprint ? { once: "fingerprint" } : {},
    async read(context, emit) {
      const paths = /* @__PURE__ */ new Set();
      for await (const chunk of chunksOf(context.excluded)) {
        const newPath = !paths.has(chunk.origin.path);
        if (newPath) paths.add(chunk.origin.path);
        await emit({ kind: "read", files: newPath ? 1 : 0, bytes: chunk.data.byteLength });
        await emit({ kind: "chunk", chunk });
      }
    }
  };
}

// src/run/history.ts
function historyOrigin(path, commit) {
  return { kind: "history", path, commit: commit.commit, author: commit.author, email: commit.email, date: commit.date };
}
function byCommitThenPlace(a, b) {
  return a.commit.seq - b.commit.seq || (a.path < b.path ? -1 : a.path > b.path ? 1 : a.match.line - b.match.line || a.match.column - b.match.column);
}
function historySource(request2) {
  return {
    async read(context, emit) {
      const { findings, warnings, blobs, bytes } = await scanBlobs(request2, context);
      for (const warning2 of warnings) await emit({ kind: "warning", warning: warning2 });
      await emit({ kind: "read", files: blobs, bytes });
      for (const found of findings) await emit({ kind: "found", found });
    }
  };
}
async function scanBlobs(request2, context) {
  const engine = createEngine([...context.rules]);
  const warnings = [];
  const present = request2.repo.partial ? await presentBlobs(request2.repo) : void 0;
  const reader = new CatFileBatch(request2.repo.dir, { maxSize: request2.maxBlobSize });
  const clean = /* @__PURE__ */ new Set();
  const withKeys = /* @__PURE__ */ new Map();
  const waiting = /* @__PURE__ */ new Map();
  const earliest = /* @__PURE__ */ new Map();
  const progress = { done: 0, total: 0, bytes: 0 };
  let missing = 0;
  let scanned = 0;
  const attribute = (matches, sighting) => {
    for (const match of matches) {
      const id = `${sighting.path}\0${match.rule.id}\0${match.key}`;
      const known = earliest.get(id);
      if (!known || sighting.commit.seq < known.commit.seq) earliest.set(id, { match, path: sighting.path, commit: sighting.commit });
    }
  };
  const walk = async () => {
    try {
      for await (const batch of blobSightings(request2.repo, request2.selection, context.excluded)) {
        for (const sighting of batch) {
          const { oid } = sighting;
          if (clean.has(oid)) continue;
          const matches = withKeys.get(oid);
          if (matches) {
            attribute(matches, sighting);
            continue;
          }
          const queued = waiting.get(oid);
          if (queued) {
            queued.push(sighting);
            continue;
          }
          progress.total++;
          if (present && !present.has(oid)) {
            missing++;
            progress.done++;
            clean.add(oid);
            continue;
          }
          waiting.set(oid, [sighting]);
          reader.request(oid);
        }
        if (reader.full) await reader.whenReady();
        else reader.flush();
      }
    } finally {
      reader.end();
    }
  };
  const read = async () => {
    for await (const replies of reader.replies()) {
      for (const reply of replies) {
        let text;
        const sightings = waiting.get(reply.oid) ?? [];
        waiting.delete(reply.oid);
        const oid = sightings[0]?.oid ?? reply.oid;
        progress.done++;
        if (reply.kind === "missing") {
          missing++;
        } else if (reply.kind === "too-large") {
          warnings.push({ path: sightings[0]?.path ?? oid, message: `blob ${oid.slice(0, 12)} (${reply.size} bytes) is larger than the size limit; not scanned` });
        } else if (reply.type === "blob" && (text = decodeText(reply.data)) !== void 0) {
          progress.bytes += reply.size;
          scanned++;
          const matches = detectKeys(text, engine);
          if (matches.length > 0) {
            withKeys.set(oid, matches);
            for (const sighting of sightings) attribute(matches, sighting);
            continue;
          }
        }
        clean.add(oid);
      }
      request2.onProgress?.(progress);
    }
  };
  await Promise.all([walk(), read()]);
  request2.onProgress?.(progress);
  if (missing > 0) {
    const why = request2.repo.partial || request2.repo.shallow ? "partial or shallow clone" : "the repository is incomplete or damaged";
    warnings.push({ message: `${missing} object${missing === 1 ? "" : "s"} missing (${why}); their content was not scanned` });
  }
  if (request2.repo.shallow) {
    warnings.push({ message: "shallow clone: history before the shallow boundary is not scanned, and keys already there are attributed to the oldest commit present" });
  }
  const attributed = [...earliest.values()].sort(byCommitThenPlace);
  const findings = attributed.map(({ match, path, commit }) => toWire(match, historyOrigin(path, commit)));
  return { findings, warnings, blobs: scanned, bytes: progress.bytes };
}
function rangeSource(request2) {
  const revisions = [
    "--date-order",
    "--reverse",
    ...request2.since !== void 0 ? [`--since=${request2.since}`] : [],
    "--end-of-options",
    request2.range,
    "--"
  ];
  return chunkSource((excluded) => addedChunksInCommits(request2.repo.dir, revisions, excluded), { firstPerFingerprint: true });
}

// src/run/notify.ts
import { resolve as resolve2 } from "node:path";

// src/respond/notify/github-channel.ts
function repositoryName(repository) {
  return `${repository.owner}/${repository.name}`;
}
function findingsIn(notice, repository) {
  const name = repositoryName(repository).toLowerCase();
  return notice.findings.filter((finding) => finding.repository === void 0 || finding.repository.toLowerCase() === name);
}
function failedDelivery(channel, target, error2) {
  const message = error2 instanceof Error ? error2.message : "unknown error";
  return { channel, outcome: "failed", detail: `${target}: ${message}` };
}

// src/report/markdown.ts
function cell(text) {
  return printable(text.replace(/[\\`*_|<>[\]$]/g, (c) => `\\${c}`).replace(/\r?\n/g, " "));
}
function statusCell(finding) {
  const status = statusOf(finding);
  return status === "live" || status === "unknown" ? `**${status}**` : status;
}
function severityCell(finding, verified) {
  return verified && finding.severity === "critical" ? "**critical**" : finding.severity;
}
function detailsCell(finding) {
  const verification = verificationOf(finding);
  if (!verification) return "";
  return cell([escalationOf(verification), describeOutcome(verification)].filter((text) => text !== void 0).join("; "));
}
function heading(result, verified) {
  const { findings } = result;
  const outcomes = verified ? ` (${statusSummary(findings)})` : "";
  return `### keywarden: ${findings.length} leaked key${findings.length === 1 ? "" : "s"}${outcomes} in ${distinctFiles(result)} file${distinctFiles(result) === 1 ? "" : "s"}`;
}
function urgentAdvice(findings) {
  const counts = new Map(countByStatus(findings));
  const advice = [];
  if (counts.has("live")) advice.push("**Live keys work right now: revoke them at the provider first.**");
  if (counts.has("unknown")) advice.push("Keys that could not be checked may still work: treat them as live until checked.");
  return advice.length > 0 ? [advice.join(" "), ""] : [];
}
function renderMarkdown(result, context) {
  const { findings } = result;
  if (findings.length === 0) return `### keywarden: no leaked keys

Scanned ${result.stats.files} files.
`;
  const verified = isVerified(findings);
  const history = findings.some((finding) => finding.origin.kind === "history");
  const lines = [
    heading(result, verified),
    "",
    `| File | Line |${history ? " Commit |" : ""} Provider | Severity |${verified ? " Status | Details |" : ""} Key | Fingerprint |`,
    `|---|---|${history ? "---|" : ""}---|---|${verified ? "---|---|" : ""}---|---|`
  ];
  for (const finding of findings) {
    const key = context.showSecrets ? finding.secret.reveal() : finding.secret.redacted;
    const status = verified ? ` ${statusCell(finding)} | ${detailsCell(finding)} |` : "";
    const { origin } = finding;
    const commit = !history ? "" : origin.kind === "history" ? ` ${cell(`${origin.commit.slice(0, 12)} ${origin.author}, ${origin.date.slice(0, 10)}`)} |` : " |";
    lines.push(
      `| ${cell(placeOf(finding.origin))} | ${finding.line} |${commit} ${cell(finding.provider)} | ${severityCell(finding, verified)} |${status} \`${key}\` | ${cell(printable(finding.fingerprint))} |`
    );
  }
  const ignoreFile = context.ignoreFile ?? ".keywardenignore";
  const shownIgnoreFile = ignoreFile.includes("`") ? cell(ignoreFile) : `\`${ignoreFile}\``;
  const staysReadable = findings.some((finding) => finding.origin.kind === "history" || finding.origin.kind === "log") ? "; a key in a past commit or a log stays readable there until it is revoked" : "";
  lines.push(
    "",
    ...verified ? urgentAdvice(findings) : [],
    `Rotate each key at its provider, then remove it from the code${staysReadable}. A deliberate fake (a test fixture)? ${fakeAdvice(findings, shownIgnoreFile)}`,
    ""
  );
  return lines.join("\n");
}

// src/report/github.ts
var prCommentMarker = "<!-- keywarden:pr-comment -->";
var commentLimit = 65536;
var summaryLimit = 1024 * 1024;
var fallbackHint = "Revoke the key at its provider, create a new one, and load it from the environment.";
function shortSha(commit) {
  return commit.slice(0, 7);
}
function rulesById(rules) {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  return (finding) => byId.get(finding.ruleId);
}
function inertEscaped(escaped) {
  return escaped.replace(/[&~]/g, (c) => `\\${c}`).replace(/\r/g, " ").replace(/[@#]/g, (c) => `\`${c}\``);
}
function inert(text) {
  return inertEscaped(cell(text));
}
function shown(text) {
  return inert(plainText(text));
}
var inertCell = shown;
function runLink(label, runUrl) {
  return runUrl !== void 0 && /^https?:\/\/[^\s<>()[\]`'"]+$/.test(runUrl) ? `[${label}](${runUrl})` : void 0;
}
function tableHeader(columns) {
  return [`| ${columns.map((column) => column.name).join(" | ")} |`, `|${columns.map(() => "---|").join("")}`];
}
function tableRow(columns, finding) {
  return `| ${columns.map((column) => column.value(finding)).join(" | ")} |`;
}
function fitRows(rows, budget, size, more) {
  const total = rows.reduce((sum, row) => sum + size(`${row}
`), 0);
  if (total <= budget) return { rows: [...rows], left: 0 };
  const room = budget - size(`
${more(rows.length)}
`);
  const kept = [];
  let used = 0;
  for (const row of rows) {
    used += size(`${row}
`);
    if (used > room) break;
    kept.push(row);
  }
  return { rows: kept, left: rows.length - kept.length };
}
function documentWithin(limit, size, parts) {
  const { before, columns, findings, after, more } = parts;
  const header2 = tableHeader(columns);
  const assemble = (rows, left) => [...before, ...header2, ...rows, ...left > 0 ? ["", more(left)] : [], ...after].join("\n");
  const fixed = size(assemble([], 0));
  const fitted = fitRows(
    findings.map((finding) => tableRow(columns, finding)),
    limit - fixed,
    size,
    more
  );
  return assemble(fitted.rows, fitted.left);
}
function commentSize(text) {
  let newlines = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) newlines++;
  return text.length + newlines;
}
function summarySize(text) {
  return Buffer.byteLength(text, "utf8");
}
function annotationLevel(finding) {
  const status = finding.verification?.status;
  if (status === "live") return "error";
  return status === "invalid" || finding.severity === "low" ? "warning" : "error";
}
function outcomeText(finding) {
  const verification = verificationOf(finding);
  if (!verification) return void 0;
  const escalation = escalationOf(verification);
  const outcome = describeOutcome(verification) ?? verification.status;
  return escalation ? `${finding.severity}: ${escalation}; ${outcome}` : outcome;
}
function todoText(finding, rule) {
  const hint = rule?.hint ?? fallbackHint;
  return finding.verification?.status === "live" ? { urgent: "Revoke it now.", hint } : { hint };
}
function annotation(finding, rule) {
  const name = rule?.name ?? finding.ruleId;
  const { origin } = finding;
  const status = finding.verification?.status;
  const title = `Leaked ${name}${status ? ` (${status})` : ""}`;
  const commit = origin.kind === "history" ? ` added in commit ${shortSha(origin.commit)}` : "";
  const outcome = outcomeText(finding);
  const todo = todoText(finding, rule);
  const message = [`${name} ${finding.secret.redacted}${commit}${outcome ? ` \u2014 ${outcome}` : ""}.`, todo.urgent ? `${todo.urgent} ${todo.hint}` : todo.hint].join("\n");
  const place = origin.kind === "input" ? void 0 : { file: withoutBidi(origin.path), startLine: finding.line, startColumn: finding.column, endColumn: finding.endColumn - 1 };
  return { level: annotationLevel(finding), title: withoutBidi(title), message: withoutBidi(message), ...place ? { place } : {} };
}
function annotationsOf(result, rules) {
  const ruleOf = rulesById(rules);
  return result.findings.map((finding) => annotation(finding, ruleOf(finding)));
}
function providerColumn(ruleOf) {
  return { name: "Provider", value: (finding) => shown(ruleOf(finding)?.name ?? finding.provider) };
}
function keyColumn() {
  return { name: "Key", value: (finding) => `\`${finding.secret.redacted}\`` };
}
function hasHistory(findings) {
  return findings.some((finding) => finding.origin.kind === "history");
}
function scopeLine(scope, runUrl) {
  const link = runLink("Workflow run", runUrl);
  return `Scanned ${shown(scope)}.${link ? ` ${link}` : ""}`;
}
function summaryColumns(findings, ruleOf) {
  const verified = isVerified(findings);
  const commit = {
    name: "Commit",
    value: ({ origin }) => origin.kind === "history" ? `${shown(shortSha(origin.commit))} ${shown(origin.author)}, ${shown(origin.date.slice(0, 10))}` : ""
  };
  const todo = {
    name: "What to do",
    value: (finding) => {
      const { urgent, hint } = todoText(finding, ruleOf(finding));
      return `${urgent ? `**${urgent}** ` : ""}${shown(hint)}`;
    }
  };
  return [
    { name: "File", value: (finding) => shown(finding.origin.path) },
    { name: "Line", value: (finding) => String(finding.line) },
    ...hasHistory(findings) ? [commit] : [],
    providerColumn(ruleOf),
    { name: "Severity", value: (finding) => severityCell(finding, verified) },
    ...verified ? [{ name: "Status", value: statusCell }, { name: "Details", value: (finding) => inertEscaped(detailsCell(finding)) }] : [],
    keyColumn(),
    todo,
    // As the human report prints it (an ignore file accepts that form too): no control or bidi character.
    { name: "Fingerprint", value: (finding) => inert(printable(finding.fingerprint)) }
  ];
}
function renderJobSummary(result, rules, scope) {
  const { findings } = result;
  if (findings.length === 0) return `\u2705 keywarden: no leaked keys in ${shown(scope)}.
`;
  const verified = isVerified(findings);
  return documentWithin(summaryLimit, summarySize, {
    before: [heading(result, verified), "", scopeLine(scope), "", ...verified ? urgentAdvice(findings) : []],
    columns: summaryColumns(findings, rulesById(rules)),
    findings,
    after: [
      "",
      `Rotate every key that was pushed, even once it is removed: anyone who fetched it has it. A deliberate fake (a test fixture)? ${fakeAdvice(findings, "`.keywardenignore`")}`,
      ""
    ],
    more: (left) => `\u2026 and ${left} more, left out because GitHub limits a job summary to 1 MiB.`
  });
}
function commentColumns(findings, ruleOf) {
  const verified = isVerified(findings);
  return [
    { name: "File", value: (finding) => shown(`${finding.origin.path}:${finding.line}`) },
    ...hasHistory(findings) ? [{ name: "Commit", value: ({ origin }) => origin.kind === "history" ? shown(shortSha(origin.commit)) : "" }] : [],
    providerColumn(ruleOf),
    { name: "Severity", value: (finding) => severityCell(finding, verified) },
    ...verified ? [{ name: "Status", value: statusCell }] : [],
    keyColumn()
  ];
}
function rotationHints(findings, ruleOf) {
  const hints = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const rule = ruleOf(finding);
    if (rule && !hints.has(rule.id)) hints.set(rule.id, `   - ${shown(rule.name)}: ${shown(rule.hint)}`);
  }
  return [...hints.values()];
}
function renderPrComment(result, rules, scope, runUrl) {
  const { findings } = result;
  if (findings.length === 0) return renderAllClearComment(scope, runUrl);
  const ruleOf = rulesById(rules);
  const verified = isVerified(findings);
  const summary3 = runLink("the job summary", runUrl) ?? "the job summary";
  return documentWithin(commentLimit, commentSize, {
    before: [prCommentMarker, heading(result, verified), "", scopeLine(scope, runUrl), "", ...verified ? urgentAdvice(findings) : []],
    columns: commentColumns(findings, ruleOf),
    findings,
    after: [
      "",
      "**What to do**",
      "",
      "1. **Rotate each key** at its provider: revoke it and create a new one. A key pushed to a pull request is leaked even if the commit is dropped later: anyone who fetched the branch has it, and GitHub keeps the commit.",
      ...rotationHints(findings, ruleOf),
      "2. **Remove it from the code** (read it from an environment variable or a secret store) and rewrite the commits that added it (`git commit --amend`, `git rebase -i`): deleting it in a new commit leaves it in the history, and this check keeps failing.",
      `3. **A deliberate fake** (a test fixture)? ${fakeAdvice(findings, "`.keywardenignore`", ` (listed in ${summary3})`)}`,
      ""
    ],
    more: (left) => `\u2026 and ${left} more, see ${summary3}.`
  });
}
function renderAllClearComment(scope, runUrl) {
  return [
    prCommentMarker,
    "### \u2705 keywarden: no leaked keys",
    "",
    scopeLine(scope, runUrl),
    "",
    "Any key reported here before was pushed, so it stays leaked: make sure it was rotated at its provider.",
    ""
  ].join("\n");
}

// src/respond/notify/notice.ts
var channelNames = ["issue", "commit-comment", "webhook"];
function statusOf2(finding) {
  if (finding.revocation === "revoked" || finding.revocation === "already-revoked") return "revoked";
  const status = finding.verification?.status;
  if (status === void 0 || status === "skipped") return "not verified";
  return status;
}
function isSettled(finding) {
  const status = statusOf2(finding);
  return status === "revoked" || status === "invalid";
}
function lineLink(repository, finding) {
  if (finding.commit === void 0 || finding.path === void 0) return void 0;
  const path = finding.path.split("/").map(encodeURIComponent).join("/");
  return `${repository.webUrl}/${encodeURIComponent(repository.owner)}/${encodeURIComponent(repository.name)}/blob/${finding.commit}/${path}#L${finding.line}`;
}

// src/respond/notify/github-render.ts
var issueMarker = "<!-- keywarden:notify-issue -->";
var issueTitle = "Leaked API keys (keywarden)";
var bodyLimit = 65536;
var closingComment = "Every key listed in this issue is now revoked or invalid, so keywarden closes it. It reopens the issue if a key that may still work turns up again.";
function keyId(finding) {
  return finding.secretHash.replace(/^sha256:/, "").slice(0, 16);
}
var unsettledPrefix = "<!-- keywarden:unsettled";
var maxNamedKeys = 1e3;
function unsettledKeysIn(body) {
  const line = body.split(/\r?\n/).find((text) => text.startsWith(unsettledPrefix));
  if (line === void 0) return void 0;
  return new Set(line.slice(unsettledPrefix.length).replace(/-->\s*$/, "").trim().split(/\s+/).filter((id) => /^[0-9a-f]{16}$/.test(id)));
}
var statusOrder = ["live", "unknown", "not verified", "invalid", "revoked"];
function renderIssueBody(repository, findings) {
  const keys = distinctKeys(findings);
  const settled = findings.every(isSettled);
  const head = [
    issueMarker,
    `## keywarden: ${plural(keys.length, "leaked API key")} in ${inertCell(`${repository.owner}/${repository.name}`)}`,
    "",
    `${summary(keys)}${settled ? " Every key here is revoked or invalid: nothing is left to do." : ""}`,
    ...keys.some((finding) => statusOf2(finding) === "live" || statusOf2(finding) === "unknown") ? ["", "**A live key works right now: revoke it at its provider first, then remove it from the code. One that could not be checked may still work.**"] : [],
    "",
    "| Key | Provider | Status | Where | First thing to do |",
    "|---|---|---|---|---|"
  ];
  const owners = mentions(findings);
  const unsettled = distinctKeys(findings.filter((finding) => !isSettled(finding))).slice(0, maxNamedKeys);
  const tail = [
    ...owners.length > 0 ? ["", `Owners: ${owners.join(" ")}`] : [],
    "",
    "<sub>keywarden edits this issue on each run, and closes it once every key is revoked or invalid.</sub>",
    `${unsettledPrefix} ${unsettled.map(keyId).join(" ")} -->`
  ];
  const rows = byUrgency(findings).map((finding) => issueRow(repository, finding));
  return withinLimit(head, rows, tail).join("\n") + "\n";
}
function withinLimit(head, rows, tail) {
  const room = bodyLimit - 200 - [...head, ...tail].reduce((size, line) => size + line.length + 1, 0);
  let used = 0;
  let kept = 0;
  while (kept < rows.length && used + rows[kept].length + 1 <= room) used += rows[kept++].length + 1;
  const more = rows.length - kept;
  return [...head, ...rows.slice(0, kept), ...more > 0 ? ["", `\u2026 and ${plural(more, "more finding")}, left out because GitHub limits an issue to ${bodyLimit} characters.`] : [], ...tail];
}
function issueRow(repository, finding) {
  return `| ${keyCell(finding)} | ${inertCell(finding.provider)} | ${statusCell2(finding)} | ${whereCell(repository, finding)} | ${todoCell(finding)} |`;
}
function renderCommitComment(finding) {
  const owners = mentions([finding]);
  return [
    commitCommentMarker(finding),
    `**keywarden**: this line adds a leaked ${inertCell(finding.provider)} API key, ${keyCell(finding)}.`,
    "",
    `Status: ${statusCell2(finding)}. First thing to do: ${todoCell(finding)}`,
    ...owners.length > 0 ? ["", `Owners: ${owners.join(" ")}`] : [],
    ""
  ].join("\n");
}
function commitCommentMarker(finding) {
  return `<!-- keywarden:commit-comment ${keyId(finding)} -->`;
}
function commitCommentMarkerOf(body) {
  return /^\s*(<!-- keywarden:commit-comment [0-9a-f]{16} -->)/.exec(body)?.[1];
}
function summary(keys) {
  const counts = statusOrder.map((status) => [status, keys.filter((finding) => statusOf2(finding) === status).length]).filter(([, count]) => count > 0);
  return `${plural(keys.length, "key")}: ${counts.map(([status, count]) => `${count} ${status}`).join(", ")}.`;
}
function distinctKeys(findings) {
  const seen = /* @__PURE__ */ new Map();
  for (const finding of byUrgency(findings)) if (!seen.has(finding.secretHash)) seen.set(finding.secretHash, finding);
  return [...seen.values()];
}
function byUrgency(findings) {
  return [...findings].sort((a, b) => statusOrder.indexOf(statusOf2(a)) - statusOrder.indexOf(statusOf2(b)));
}
function keyCell(finding) {
  return `\`${Secret.fromRedacted(finding.redacted).redacted}\``;
}
function statusCell2(finding) {
  const status = statusOf2(finding);
  return status === "live" || status === "unknown" ? `**${status}**` : status;
}
function whereCell(repository, finding) {
  if (finding.path === void 0) return "(handed in)";
  const place = inertCell(`${finding.path}:${finding.line}`);
  const link = lineLink(repository, finding);
  return link === void 0 ? place : `[${place}](${link.replace(/\(/g, "%28").replace(/\)/g, "%29")})`;
}
function todoCell(finding) {
  if (isSettled(finding)) return `Nothing: the key is ${statusOf2(finding)}.`;
  return inertCell(finding.hint ?? "Revoke the key at its provider, create a new one, and load it from the environment.");
}
var mentionShape = /^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9][A-Za-z0-9._-]{0,99})?$/;
function mentions(findings) {
  const owners = [...new Set(findings.flatMap((finding) => finding.owners ?? []))];
  return owners.map((owner) => mentionShape.test(owner) ? owner : inertCell(owner));
}
function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

// src/respond/notify/commit-comment-channel.ts
function commitCommentChannel(settings) {
  const { repository } = settings;
  return {
    name: "commit-comment",
    messages(notice) {
      return onePerCommitAndKey(findingsIn(notice, repository)).map(messageOf);
    },
    async deliver(notice) {
      const findings = findingsIn(notice, repository);
      const withCommit = onePerCommitAndKey(findings);
      const without = findings.filter((finding) => !hasCommit(finding)).length;
      const deliveries = [];
      if (without > 0) {
        deliveries.push({ channel: "commit-comment", outcome: "skipped", detail: `${plural(without, "finding")} not from history: no commit to comment on` });
      }
      if (withCommit.length === 0) return deliveries;
      let client;
      try {
        client = gitHubClient(settings);
      } catch (error2) {
        return [...deliveries, ...withCommit.map((finding) => failedDelivery("commit-comment", messageOf(finding).target, error2))];
      }
      const markersOn = markersByCommit(client);
      for (const finding of withCommit) {
        const message = messageOf(finding);
        try {
          deliveries.push(await client.call((api) => commentOnce(api, settings, finding, message, markersOn)));
        } catch (error2) {
          deliveries.push(failedDelivery("commit-comment", message.target, error2));
        }
      }
      return deliveries;
    }
  };
}
function messageOf(finding) {
  return { channel: "commit-comment", target: `commit ${finding.commit.slice(0, 7)} at ${finding.path}:${finding.line}`, body: renderCommitComment(finding) };
}
function hasCommit(finding) {
  return finding.commit !== void 0 && finding.path !== void 0;
}
function onePerCommitAndKey(findings) {
  const first = /* @__PURE__ */ new Map();
  for (const finding of findings.filter(hasCommit)) {
    const key = `${finding.commit} ${finding.secretHash}`;
    if (!first.has(key)) first.set(key, finding);
  }
  return [...first.values()];
}
async function commentOnce(api, settings, finding, message, markersOn) {
  const where = { owner: settings.repository.owner, repo: settings.repository.name };
  const markers = await markersOn(finding.commit, where);
  const marker = commitCommentMarker(finding);
  if (markers.has(marker)) return { channel: "commit-comment", outcome: "unchanged", detail: `${message.target}: already commented` };
  await api.rest.repos.createCommitComment({ ...where, commit_sha: finding.commit, body: message.body, path: finding.path, line: finding.line, request: { retries: 0 } });
  markers.add(marker);
  return { channel: "commit-comment", outcome: "created", detail: `${message.target}: commented` };
}
function markersByCommit(client) {
  const listed = /* @__PURE__ */ new Map();
  return async (commit, where) => {
    const known = listed.get(commit);
    if (known) return known;
    const markers = /* @__PURE__ */ new Set();
    for await (const item of listAll(client.api, "GET /repos/{owner}/{repo}/commits/{commit_sha}/comments", { ...where, commit_sha: commit }, "commit comments")) {
      if (item === null || typeof item !== "object") continue;
      const fields = item;
      const marker = typeof fields.body === "string" ? commitCommentMarkerOf(fields.body) : void 0;
      if (marker !== void 0 && isTrustedAuthor(authorOf(fields))) markers.add(marker);
    }
    listed.set(commit, markers);
    return markers;
  };
}

// src/respond/notify/issue-channel.ts
var securityLabel = "security";
function issueChannel(settings) {
  const { repository } = settings;
  const target = `issue in ${repositoryName(repository)}`;
  const outgoing = (body) => ({ channel: "issue", target, body });
  return {
    name: "issue",
    messages(notice) {
      const findings = findingsIn(notice, repository);
      if (findings.length === 0) return [];
      const messages = [outgoing(renderIssueBody(repository, findings))];
      if (findings.every(isSettled)) messages.push({ channel: "issue", target: `comment closing the ${target}`, body: closingComment });
      return messages;
    },
    async deliver(notice) {
      const findings = findingsIn(notice, repository);
      if (findings.length === 0) return [{ channel: "issue", outcome: "skipped", detail: `${target}: the report has no findings for this repository` }];
      try {
        const client = gitHubClient(settings);
        return [await client.call((api) => keepIssue(api, settings, findings))];
      } catch (error2) {
        return [failedDelivery("issue", target, error2)];
      }
    }
  };
}
async function keepIssue(api, settings, findings) {
  const { repository } = settings;
  const where = { owner: repository.owner, repo: repository.name };
  const name = repositoryName(repository);
  const body = renderIssueBody(repository, findings);
  const settled = findings.every(isSettled);
  const issue2 = await findIssue(api, where);
  if (!issue2) {
    if (settled) return { channel: "issue", outcome: "skipped", detail: `issue in ${name}: every key is revoked or invalid, so no issue is opened` };
    const labels = await hasLabel(api, where, securityLabel) ? [securityLabel] : [];
    const { data } = await api.rest.issues.create({ ...where, title: issueTitle, body, ...labels.length > 0 ? { labels } : {}, request: { retries: 0 } });
    return { channel: "issue", outcome: "created", detail: `issue #${data.number} in ${name} opened` };
  }
  const changed = !sameBody(issue2.body, body);
  const ref = `issue #${issue2.number} in ${name}`;
  if (settled) {
    if (issue2.state === "closed") {
      if (!changed) return { channel: "issue", outcome: "unchanged", detail: `${ref} is closed and up to date` };
      await api.rest.issues.update({ ...where, issue_number: issue2.number, body });
      return { channel: "issue", outcome: "updated", detail: `${ref} (closed) updated` };
    }
    await api.rest.issues.createComment({ ...where, issue_number: issue2.number, body: closingComment, request: { retries: 0 } });
    await api.rest.issues.update({ ...where, issue_number: issue2.number, ...changed ? { body } : {}, state: "closed", state_reason: "completed" });
    return { channel: "issue", outcome: "closed", detail: `${ref} closed: every key is revoked or invalid` };
  }
  const reopen = issue2.state === "closed" && hasNewUnsettledKey(issue2.body, findings);
  const addLabel = !issue2.labels.some((label) => label.toLowerCase() === securityLabel) && await hasLabel(api, where, securityLabel);
  if (!changed && !reopen && !addLabel) return { channel: "issue", outcome: "unchanged", detail: `${ref} is up to date` };
  await api.rest.issues.update({
    ...where,
    issue_number: issue2.number,
    ...changed ? { body } : {},
    ...reopen ? { state: "open" } : {},
    // The whole list is set: the labels people added stay.
    ...addLabel ? { labels: [...issue2.labels, securityLabel] } : {}
  });
  return { channel: "issue", outcome: "updated", detail: `${ref} ${reopen ? "reopened: a key that may still work is not in it" : "updated"}` };
}
function hasNewUnsettledKey(body, findings) {
  const listed = unsettledKeysIn(body) ?? /* @__PURE__ */ new Set();
  return findings.some((finding) => !isSettled(finding) && !listed.has(keyId(finding)));
}
async function findIssue(api, where) {
  const parameters = { ...where, state: "all", sort: "created", direction: "asc" };
  for await (const item of listAll(api, "GET /repos/{owner}/{repo}/issues", parameters, "issues")) {
    const issue2 = listedIssue(item);
    if (issue2 && issue2.body.trimStart().startsWith(issueMarker) && isTrustedAuthor(issue2.author)) return issue2;
  }
  return void 0;
}
function listedIssue(item) {
  if (item === null || typeof item !== "object") return void 0;
  const fields = item;
  if (typeof fields.number !== "number" || typeof fields.body !== "string" || fields.pull_request !== void 0) return void 0;
  const labels = Array.isArray(fields.labels) ? fields.labels.map(labelName).filter((label) => label !== void 0) : [];
  return { number: fields.number, body: fields.body, state: fields.state === "closed" ? "closed" : "open", labels, author: authorOf(fields) };
}
function labelName(label) {
  if (typeof label === "string") return label;
  const name = label !== null && typeof label === "object" ? label.name : void 0;
  return typeof name === "string" ? name : void 0;
}
async function hasLabel(api, where, name) {
  try {
    await api.rest.issues.getLabel({ ...where, name });
    return true;
  } catch (error2) {
    if (httpStatus(error2) === 404) return false;
    throw error2;
  }
}

// src/respond/notify/webhook.ts
import { createHmac } from "node:crypto";

// src/respond/notify/slack-text.ts
var maxSlackTextChars = 3e3;
var noticeStatusesByUrgency = ["live", "unknown", "not verified", "revoked", "invalid"];
var maxPathChars = 120;
var maxLinkChars = 600;
function escapeMrkdwn(text) {
  return printable(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/@/g, "@\u200B");
}
function code(text) {
  return `\`${escapeMrkdwn(text).replace(/`/g, "\u02CB")}\``;
}
var plural2 = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;
function placeOf2(finding) {
  if (finding.path === void 0) return "given as input";
  const path = finding.path.length > maxPathChars ? `\u2026${finding.path.slice(-(maxPathChars - 1))}` : finding.path;
  return `${path}:${finding.line}`;
}
function locationOf(finding, notice) {
  const place = escapeMrkdwn(placeOf2(finding));
  const link = notice.repository ? lineLink(notice.repository, finding) : void 0;
  if (link !== void 0 && link.length <= maxLinkChars) return `<${escapeMrkdwn(link)}|${place}>`;
  const repository = finding.repository !== void 0 && notice.repository === void 0 ? `${escapeMrkdwn(finding.repository)} ` : "";
  const commit = finding.commit !== void 0 ? ` in ${escapeMrkdwn(finding.commit.slice(0, 7))}` : "";
  return `${repository}${place}${commit}`;
}
function findingLine(finding, notice) {
  return `\u2022 *${statusOf2(finding)}* ${code(finding.redacted)} ${escapeMrkdwn(finding.provider)} \u2014 ${locationOf(finding, notice)}`;
}
function summaryLine(notice, sorted) {
  const keys = new Set(sorted.map((finding) => finding.secretHash)).size;
  const found = keys === sorted.length ? plural2(keys, "leaked key") : `${plural2(sorted.length, "finding")} of ${plural2(keys, "leaked key")}`;
  const repo = notice.repository;
  const where = repo ? ` in <${escapeMrkdwn(`${repo.webUrl}/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}`)}|${escapeMrkdwn(`${repo.owner}/${repo.name}`)}>` : "";
  const counts = noticeStatusesByUrgency.map((status) => [status, sorted.filter((finding) => statusOf2(finding) === status).length]).filter(([, count]) => count > 0).map(([status, count]) => `${count} ${status}`);
  return `*keywarden: ${found}*${where} \u2014 ${counts.join(", ")}`;
}
function byUrgency2(findings) {
  const rank = (finding) => noticeStatusesByUrgency.indexOf(statusOf2(finding));
  return [...findings].sort((a, b) => rank(a) - rank(b));
}
function renderSlackText(notice, maxChars = maxSlackTextChars) {
  const sorted = byUrgency2(notice.findings);
  const lines = [summaryLine(notice, sorted)];
  let length = lines[0]?.length ?? 0;
  for (const [index, finding] of sorted.entries()) {
    const line = findingLine(finding, notice);
    const left = sorted.length - index - 1;
    const reserve = left > 0 ? `
_and ${left} more_`.length : 0;
    if (length + 1 + line.length + reserve > maxChars) {
      lines.push(`_and ${sorted.length - index} more_`);
      break;
    }
    lines.push(line);
    length += 1 + line.length;
  }
  return lines.join("\n");
}

// src/respond/notify/webhook.ts
var defaultTimeoutMs2 = 1e4;
var maxAnswerBytes = 64 * 1024;
var errorCode = /^[a-z][a-z_]{0,39}$/;
function webhookSignature(secret, body) {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}
function webhookUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError("the webhook URL is not a URL (give https://HOST/PATH)");
  }
  const refused = refusal(url, /* @__PURE__ */ new Set([url.hostname.toLowerCase()]));
  if (refused) throw new UsageError(`the webhook URL is refused: ${refused}`);
  return url;
}
function withoutUrl(text, url) {
  const parts = [url.href, `${url.pathname}${url.search}`, ...`${url.pathname}/${url.search}`.split(/[/?&=]/).filter((part) => part.length >= 6)];
  return parts.filter((part) => part.length > 1).reduce((out, part) => out.split(part).join("\u2026"), text);
}
function webhookChannel(settings, io = { http: fetchClient }) {
  const url = webhookUrl(settings.url);
  let attempts = 0;
  const counted = { ...io, http: (request2, limits) => (attempts++, io.http(request2, limits)) };
  const send = createPinnedClient(
    { allowedHosts: [url.hostname], timeoutMs: settings.timeoutMs ?? defaultTimeoutMs2, maxBodyBytes: maxAnswerBytes, ...settings.retry ? { retry: settings.retry } : {} },
    counted
  );
  const now = io.now ?? Date.now;
  const bodyOf2 = (notice, timestamp) => {
    const payload = { text: renderSlackText(notice), findings: notice.findings, ...timestamp !== void 0 ? { timestamp } : {} };
    return JSON.stringify(payload);
  };
  const timestampNow = () => settings.secret !== void 0 ? Math.floor(now() / 1e3) : void 0;
  const describe = (outcome, count) => {
    const after = attempts > 1 ? ` after ${attempts} attempts` : "";
    if (outcome.kind === "refused") return failed(`the webhook URL is refused: ${withoutUrl(outcome.reason, url)}`);
    if (outcome.kind === "failure") return failed(`the webhook could not be reached${after}: ${withoutUrl(outcome.message, url)}`);
    if (outcome.status >= 200 && outcome.status < 300) return { channel: "webhook", outcome: "sent", detail: `posted ${count} finding${count === 1 ? "" : "s"} to the webhook (HTTP ${outcome.status})` };
    const answer = outcome.body.trim();
    const said = errorCode.test(answer) ? `: ${answer}` : "";
    return failed(`the webhook answered HTTP ${outcome.status}${said}${after}`);
  };
  return {
    name: "webhook",
    messages(notice) {
      if (notice.findings.length === 0) return [];
      return [{ channel: "webhook", target: "webhook", body: bodyOf2(notice, timestampNow()) }];
    },
    async deliver(notice) {
      if (notice.findings.length === 0) return [{ channel: "webhook", outcome: "skipped", detail: "nothing to tell: no findings" }];
      const timestamp = timestampNow();
      const body = bodyOf2(notice, timestamp);
      const headers = { "content-type": "application/json", "user-agent": `keywarden/${notice.toolVersion}` };
      if (settings.secret !== void 0 && timestamp !== void 0) {
        headers["x-keywarden-signature"] = webhookSignature(settings.secret, body);
        headers["x-keywarden-timestamp"] = String(timestamp);
      }
      attempts = 0;
      const outcome = await send({ method: "POST", url, headers, body });
      return [describe(outcome, notice.findings.length)];
    }
  };
}
var failed = (detail) => ({ channel: "webhook", outcome: "failed", detail });

// src/respond/notify/channels.ts
function gitHubChannel(name, settings) {
  return name === "issue" ? issueChannel(settings) : commitCommentChannel(settings);
}
function buildChannel(name, settings, io) {
  if (name === "webhook") {
    const { url, ...rest } = settings.webhook;
    if (url === void 0 || url.trim() === "") throw new UsageError("no webhook URL: set KEYWARDEN_WEBHOOK_URL (or give --webhook URL)");
    return webhookChannel({ ...rest, url: url.trim() }, io);
  }
  const { repository, token, timing } = settings.github;
  if ("problem" in repository) throw new UsageError(repository.problem);
  if (token === void 0 || token.trim() === "") throw new UsageError(`GITHUB_TOKEN is not set (a token that may write issues and comments on ${repository.target.repository.owner}/${repository.target.repository.name})`);
  return gitHubChannel(name, { ...timing, repository: repository.target.repository, apiUrl: repository.target.apiUrl, token });
}
function buildChannels(names2, settings, io) {
  return names2.map((name) => {
    try {
      return { name, channel: buildChannel(name, settings, io) };
    } catch (error2) {
      if (error2 instanceof KeywardenError) return { name, problem: error2.message };
      throw error2;
    }
  });
}

// src/respond/notify/repository.ts
var ownerShape = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/;
var nameShape = /^[A-Za-z0-9._-]{1,100}$/;
function parseOwnerName(text) {
  const [owner, name, ...rest] = text.split("/");
  if (owner === void 0 || name === void 0 || rest.length > 0) return void 0;
  if (!ownerShape.test(owner) || !nameShape.test(name) || name === "." || name === "..") return void 0;
  return { owner, name };
}
function parseRemoteUrl(remote) {
  const text = remote.trim();
  const scp = /^(?:[^@/:]+@)?([A-Za-z0-9.-]+):(?!\/)([^:]+)$/.exec(text);
  if (scp?.[1] && scp[2] !== void 0) return remoteAt(scp[1], `https://${scp[1].toLowerCase()}`, scp[2]);
  let url;
  try {
    url = new URL(text);
  } catch {
    return void 0;
  }
  const host = url.hostname.toLowerCase();
  if (host === "") return void 0;
  if (url.protocol === "https:" || url.protocol === "http:") return remoteAt(host, `${url.protocol}//${url.host.toLowerCase()}`, url.pathname);
  if (url.protocol === "ssh:" || url.protocol === "git:" || url.protocol === "git+ssh:") return remoteAt(host, `https://${host}`, url.pathname);
  return void 0;
}
function remoteAt(host, webUrl, path) {
  const parts = path.replace(/^\/+|\/+$/g, "").replace(/\.git$/, "");
  const ownerName = parseOwnerName(parts);
  return ownerName ? { host: host.toLowerCase(), webUrl, ...ownerName } : void 0;
}
var withoutTrailingSlash = (url) => url.replace(/\/+$/, "");
function apiUrlFor(webUrl, env) {
  if (env.GITHUB_API_URL?.trim()) return withoutTrailingSlash(env.GITHUB_API_URL.trim());
  return webUrl === "https://github.com" ? "https://api.github.com" : `${webUrl}/api/v3`;
}
function defaultWebUrl(env) {
  if (env.GITHUB_SERVER_URL?.trim()) return withoutTrailingSlash(env.GITHUB_SERVER_URL.trim());
  const api = env.GITHUB_API_URL?.trim();
  if (api) {
    try {
      const url = new URL(api);
      return url.hostname.toLowerCase() === "api.github.com" ? "https://github.com" : `${url.protocol}//${url.host}`;
    } catch {
    }
  }
  return "https://github.com";
}
function targetOf(ownerName, webUrl, env, from) {
  return { target: { repository: { ...ownerName, webUrl }, apiUrl: apiUrlFor(webUrl, env), from } };
}
function resolveRepository(inputs) {
  const { env } = inputs;
  if (inputs.flag !== void 0) {
    const given = parseOwnerName(inputs.flag);
    return given ? targetOf(given, defaultWebUrl(env), env, "--repo") : { problem: "--repo is not OWNER/NAME" };
  }
  const named = [...new Set(inputs.reportRepositories)];
  if (named.length > 1) return { problem: `the report's findings are in ${named.length} repositories; give --repo OWNER/NAME to choose one` };
  const fromReport = named[0] === void 0 ? void 0 : parseOwnerName(named[0]);
  if (fromReport) return targetOf(fromReport, defaultWebUrl(env), env, "the report");
  if (env.GITHUB_REPOSITORY?.trim()) {
    const fromEnv = parseOwnerName(env.GITHUB_REPOSITORY.trim());
    return fromEnv ? targetOf(fromEnv, defaultWebUrl(env), env, "GITHUB_REPOSITORY") : { problem: "GITHUB_REPOSITORY is not OWNER/NAME" };
  }
  const { originUrl } = inputs;
  const remote = originUrl === void 0 ? void 0 : parseRemoteUrl(originUrl);
  if (remote) return targetOf(remote, remote.webUrl, env, "the origin remote");
  const why = originUrl === void 0 ? "no origin remote" : "an origin remote that names no OWNER/NAME on a host";
  return { problem: `no repository: give --repo OWNER/NAME or set GITHUB_REPOSITORY (the report names none, and its root has ${why})` };
}

// src/rules/rule-set.ts
async function loadRuleSet(extraDirs = []) {
  if (extraDirs.length === 0) {
    const cached = readRuleCache(builtinRulesDir);
    if (cached) return cached;
  }
  const { loadRuleFiles } = await import("./load-GRCDAISN.js");
  return loadRuleFiles(extraDirs);
}

// src/sources/origin.ts
async function originRemoteUrl(dir) {
  try {
    const { stdout, code: code2 } = await gitOutput(dir, ["remote", "get-url", "origin"], { allowFailure: true });
    const url = stdout.toString("utf8").trim();
    return code2 === 0 && url !== "" ? url : void 0;
  } catch {
    return void 0;
  }
}

// src/respond/notify/commit-author.ts
var notThere = /* @__PURE__ */ new Set([404, 422]);
function statusOf3(error2) {
  return typeof error2 === "object" && error2 !== null && "status" in error2 && typeof error2.status === "number" ? error2.status : void 0;
}
function authorLoginIn(data) {
  if (typeof data !== "object" || data === null || !("author" in data)) return void 0;
  const author = data.author;
  if (typeof author !== "object" || author === null || !("login" in author)) return void 0;
  return typeof author.login === "string" && author.login !== "" ? author.login : void 0;
}
function commitAuthorLogin(request2, repository) {
  return async (commit) => {
    try {
      const { data } = await request2("GET /repos/{owner}/{repo}/commits/{ref}", { owner: repository.owner, repo: repository.name, ref: commit, per_page: 1 });
      return authorLoginIn(data);
    } catch (error2) {
      if (notThere.has(statusOf3(error2) ?? 0)) return void 0;
      throw error2;
    }
  };
}

// src/respond/notify/owners.ts
var anyDepth = { anyDepth: true };
var anySegment = { anyDepth: false, glob: ["*"] };
function compilePattern(source) {
  if (source.startsWith("!")) return "negation (!) does not work in CODEOWNERS";
  if (source.startsWith("\\#")) return "escaping a leading # does not work in CODEOWNERS";
  const tokens = [];
  const chars = Array.from(source);
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? "";
    if (char === "\\") {
      const next = chars[++i];
      if (next === void 0) return "a pattern cannot end with a backslash";
      tokens.push({ literal: next });
    } else if (char === "[" || char === "]") {
      return "character ranges ([ ]) do not work in CODEOWNERS";
    } else {
      tokens.push(char === "*" || char === "?" || char === "/" ? char : { literal: char });
    }
  }
  const steps = stepsOf(tokens);
  if (typeof steps === "string") return steps;
  return { source, matches: (path) => stepsMatch(steps, path.split("/").filter((part) => part !== "").map((part) => Array.from(part))) };
}
function stepsOf(tokens) {
  const directoryOnly = tokens.length > 1 && tokens.at(-1) === "/";
  const segments = [[]];
  for (const token of tokens) {
    if (token === "/") segments.push([]);
    else segments.at(-1)?.push(token);
  }
  const anchored = tokens.filter((token) => token === "/").length > (directoryOnly ? 1 : 0);
  const parts = segments.filter((segment) => segment.length > 0);
  if (parts.length === 0) return "an empty pattern";
  const steps = parts.map(
    (glob) => glob.length === 2 && glob[0] === "*" && glob[1] === "*" ? anyDepth : { anyDepth: false, glob: glob.filter((token, i) => token !== "*" || glob[i - 1] !== "*") }
  );
  if (!anchored && steps[0] !== anyDepth) steps.unshift(anyDepth);
  const last = steps.at(-1);
  const loneStar = last !== void 0 && !last.anyDepth && last.glob.length === 1 && last.glob[0] === "*";
  if (last === anyDepth) steps.pop();
  if (directoryOnly || last === anyDepth) steps.push(anySegment, anyDepth);
  else if (!loneStar) steps.push(anyDepth);
  return steps;
}
function stepsMatch(steps, parts) {
  let reachable = Array.from({ length: parts.length + 1 }, (_, i) => i === 0);
  for (const step of steps) {
    const next = reachable.map(() => false);
    let seen = false;
    reachable.forEach((here, j) => {
      if (step.anyDepth) next[j] = seen ||= here;
      else if (here && j < parts.length && globMatches(step.glob, parts[j] ?? [])) next[j + 1] = true;
    });
    reachable = next;
  }
  return reachable[parts.length] === true;
}
function globMatches(glob, text) {
  let g = 0;
  let t = 0;
  let star = -1;
  let starText = 0;
  while (t < text.length) {
    const token = glob[g];
    if (token === "*") {
      star = g++;
      starText = t;
    } else if (token !== void 0 && (token === "?" || token.literal === text[t])) {
      g++;
      t++;
    } else if (star >= 0) {
      g = star + 1;
      t = ++starText;
    } else {
      return false;
    }
  }
  while (glob[g] === "*") g++;
  return g === glob.length;
}
var login = "[A-Za-z0-9][A-Za-z0-9_-]{0,38}";
var userMention = new RegExp(`^@${login}$`);
var teamMention = new RegExp(`^@${login}/[A-Za-z0-9_.-]{1,100}$`);
var emailAddress = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
function ownerOf(word) {
  if (userMention.test(word)) return { kind: "user", mention: word };
  if (teamMention.test(word)) return { kind: "team", mention: word };
  if (emailAddress.test(word)) return { kind: "email", address: word };
  return void 0;
}
function wordsOf(line) {
  const words = [];
  let word;
  for (let i = 0; i < line.length; i++) {
    const char = line[i] ?? "";
    if (char === " " || char === "	") {
      if (word !== void 0) words.push(word);
      word = void 0;
    } else if (char === "#" && word === void 0) {
      break;
    } else {
      word = (word ?? "") + (char === "\\" ? char + (line[++i] ?? "") : char);
    }
  }
  if (word !== void 0) words.push(word);
  return words;
}
function parseCodeOwners(text) {
  const rules = [];
  const invalid = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  for (const [index, content] of lines.entries()) {
    const line = index + 1;
    const [source, ...ownerWords] = wordsOf(content);
    if (source === void 0) continue;
    const pattern = compilePattern(source);
    const owners = ownerWords.map(ownerOf).filter((owner) => owner !== void 0);
    if (typeof pattern === "string") invalid.push({ line, reason: pattern });
    else if (owners.length < ownerWords.length) invalid.push({ line, reason: "an owner is not @user, @org/team or an email address" });
    else rules.push({ line, pattern, owners });
  }
  return { rules, invalid };
}
function ownersOf(codeOwners, path) {
  return codeOwners.rules.findLast((rule) => rule.pattern.matches(path))?.owners;
}
function mentionsOf(owners) {
  return [...new Set(owners.flatMap((owner) => owner.kind === "email" ? [] : [owner.mention]))];
}
function mentionOfLogin(name) {
  const mention = `@${name}`;
  return userMention.test(mention) ? mention : void 0;
}

// src/sources/codeowners.ts
var codeOwnersLocations = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];
var codeOwnersMaxBytes = 3 * 1024 * 1024;
var objectHeader = /^([0-9a-f]{40,64}) (\S+) (\d+)$/;
async function readCodeOwnersAt(repoDir, revisions) {
  const wanted = [...new Set(revisions)].filter((revision) => revision !== "" && !/\s/.test(revision));
  const requests = wanted.flatMap((revision) => codeOwnersLocations.map((location) => `${revision}:${location}`));
  if (requests.length === 0) return /* @__PURE__ */ new Map();
  const check = await gitOutput(repoDir, ["cat-file", "--batch-check"], { input: requests.map((request2) => `${request2}
`).join("") });
  const answers = check.stdout.toString("utf8").split("\n");
  const chosen = /* @__PURE__ */ new Map();
  wanted.forEach((revision, r) => {
    const found = codeOwnersLocations.map((location, l) => ({ location, header: objectHeader.exec(answers[r * codeOwnersLocations.length + l] ?? "") })).find(({ header: header2 }) => header2?.[2] === "blob");
    const size = Number(found?.header?.[3]);
    chosen.set(revision, found?.header?.[1] !== void 0 && size < codeOwnersMaxBytes ? { location: found.location, oid: found.header[1] } : void 0);
  });
  const texts = await blobTexts(repoDir, new Set([...chosen.values()].flatMap((file) => file ? [file.oid] : [])));
  const files = /* @__PURE__ */ new Map();
  return new Map(
    [...chosen].map(([revision, file]) => {
      const text = file && texts.get(file.oid);
      if (!file || text === void 0) return [revision, void 0];
      const shared = files.get(file.oid) ?? { ...file, text };
      files.set(file.oid, shared);
      return [revision, shared];
    })
  );
}
async function blobTexts(repoDir, oids) {
  const texts = /* @__PURE__ */ new Map();
  if (oids.size === 0) return texts;
  const { stdout } = await gitOutput(repoDir, ["cat-file", "--batch"], { input: [...oids].map((oid) => `${oid}
`).join("") });
  for (let at = 0; at < stdout.length; ) {
    const lineEnd = stdout.indexOf(10, at);
    if (lineEnd < 0) break;
    const header2 = objectHeader.exec(stdout.subarray(at, lineEnd).toString("utf8"));
    at = lineEnd + 1;
    if (!header2?.[1]) continue;
    const size = Number(header2[3]);
    texts.set(header2[1], stdout.subarray(at, at + size).toString("utf8"));
    at += size + 1;
  }
  return texts;
}

// src/run/mention-owners.ts
var messageOf2 = (error2) => (error2 instanceof Error ? error2.message : String(error2)).slice(0, 300);
async function mentionOwners(findings, options) {
  const warn2 = options.warn ?? (() => void 0);
  const revisionOf = (finding) => finding.source === "history" ? finding.commit : options.fallbackCommit ?? "HEAD";
  const revisions = findings.flatMap((finding) => {
    const revision = finding.path === void 0 ? void 0 : revisionOf(finding);
    return revision === void 0 ? [] : [revision];
  });
  const files = await readCodeOwnersAt(options.repoDir, revisions).catch((error2) => {
    warn2(`CODEOWNERS could not be read, so owners come from commit authors only: ${messageOf2(error2)}`);
    return /* @__PURE__ */ new Map();
  });
  const parsed = /* @__PURE__ */ new Map();
  const codeOwnersOf = (file) => {
    let codeOwners = parsed.get(file);
    if (codeOwners === void 0) {
      parsed.set(file, codeOwners = parseCodeOwners(file.text));
      const lines = codeOwners.invalid.map((invalid) => invalid.line);
      if (lines.length > 0) warn2(`${file.location} (blob ${file.oid.slice(0, 7)}): GitHub skips line ${lines.join(", ")}, and so does --mention-owners`);
    }
    return codeOwners;
  };
  const authors = /* @__PURE__ */ new Map();
  const authorMention = (commit, authorLogin) => {
    let mention = authors.get(commit);
    if (mention === void 0) {
      mention = authorLogin(commit).then(
        (login2) => login2 === void 0 ? void 0 : mentionOfLogin(login2),
        (error2) => {
          warn2(`the author of commit ${commit.slice(0, 7)} could not be looked up on GitHub: ${messageOf2(error2)}`);
          return void 0;
        }
      );
      authors.set(commit, mention);
    }
    return mention;
  };
  return Promise.all(
    findings.map(async (finding) => {
      const revision = revisionOf(finding);
      const file = revision === void 0 ? void 0 : files.get(revision);
      const owners = file && finding.path !== void 0 ? mentionsOf(ownersOf(codeOwnersOf(file), finding.path) ?? []) : [];
      if (owners.length === 0 && finding.source === "history" && finding.commit !== void 0 && options.authorLogin) {
        const mention = await authorMention(finding.commit, options.authorLogin);
        if (mention !== void 0) owners.push(mention);
      }
      return { ...finding, owners };
    })
  );
}

// src/run/notify-owners.ts
async function withOwners(notice, lookup) {
  const { github } = lookup;
  let authorLogin;
  if (github) {
    const client = gitHubClient({ apiUrl: github.apiUrl, token: github.token });
    authorLogin = (commit) => client.call((api) => commitAuthorLogin(api.request, github.repository)(commit));
  }
  const findings = await mentionOwners(notice.findings, { repoDir: lookup.repoDir, ...authorLogin ? { authorLogin } : {}, warn: lookup.warn });
  return { ...notice, findings };
}

// src/run/version.ts
import { readFileSync } from "node:fs";
var toolVersion = (() => {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    const version = pkg.version;
    return typeof version === "string" ? version : "0.0.0";
  } catch {
    return "0.0.0";
  }
})();

// src/run/notify.ts
function notifySettingsOf(given, env) {
  if (given.repo !== void 0 && parseOwnerName(given.repo) === void 0) throw new UsageError(`--repo ${given.repo}: not OWNER/NAME`);
  const webhookUrl2 = given.webhookUrl ?? env.KEYWARDEN_WEBHOOK_URL;
  const webhookSecret = env.KEYWARDEN_WEBHOOK_SECRET;
  return {
    channels: given.channels,
    root: given.root,
    ...webhookUrl2 !== void 0 && webhookUrl2 !== "" ? { webhookUrl: webhookUrl2 } : {},
    ...webhookSecret !== void 0 && webhookSecret !== "" ? { webhookSecret } : {},
    ...given.repo !== void 0 ? { repo: given.repo } : {},
    mentionOwners: given.mentionOwners,
    env
  };
}
function noticeFinding(finding, hints) {
  const copy = { ...finding };
  delete copy.secret;
  const hint = hints.get(finding.ruleId);
  return { ...copy, ...hint !== void 0 ? { hint } : {} };
}
function redactStrings(value, redact3) {
  if (typeof value === "string") return redact3(value);
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, redact3));
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactStrings(item, redact3)]));
  return value;
}
function noticeFrom(told, rules, repository) {
  const hints = new Map(rules.map((rule) => [rule.id, rule.hint]));
  const engine = createEngine([...rules]);
  const findings = told.map((finding) => redactStrings(noticeFinding(finding, hints), (text) => redactKeys(text, engine)));
  return { ...repository ? { repository } : {}, findings, toolVersion };
}
var names = (list2) => list2.join(", ");
var seeAbove = (count) => `see the warning${count === 1 ? "" : "s"} above`;
function notifyVerdict(channels, deliveries, dryRun, findings) {
  const failed2 = [];
  const partly = [];
  const delivered = [];
  for (const { name, problem } of channels) {
    const outcomes = deliveries.filter((delivery) => delivery.channel === name).map((delivery) => delivery.outcome);
    const failures2 = outcomes.filter((outcome) => outcome === "failed").length;
    if (problem !== void 0 || failures2 > 0 && failures2 === outcomes.length) failed2.push(name);
    else (failures2 > 0 ? partly : delivered).push(name);
  }
  const could = [...delivered, ...partly];
  if (could.length === 0) return { exitCode: ExitCode.error, why: `exit 2: no channel could ${dryRun ? "be set up" : "deliver"} (${names(failed2)} failed; ${seeAbove(failed2.length)})` };
  const problems = [...failed2.length > 0 ? [`${names(failed2)} failed`] : [], ...partly.length > 0 ? [`${names(partly)} partly failed`] : []];
  const failures = problems.length > 0 ? `; ${problems.join(", ")} (${seeAbove(failed2.length + partly.length)})` : "";
  if (dryRun) return { exitCode: ExitCode.clean, why: `exit 0: dry run: nothing was sent; above is what ${names(could)} would send${failures}` };
  if (findings === 0 && failures === "") return { exitCode: ExitCode.clean, why: "exit 0: nothing to tell: the report has no findings" };
  return { exitCode: ExitCode.clean, why: `exit 0: ${failures === "" ? "every channel delivered" : "delivered"} (${names(could)})${failures}` };
}
async function deliverSafely(setup, notice) {
  try {
    return await setup.channel.deliver(notice);
  } catch (error2) {
    const detail = error2 instanceof KeywardenError ? error2.message : `stopped by an unexpected ${error2 instanceof Error ? error2.name : "error"}`;
    return [{ channel: setup.name, outcome: "failed", detail }];
  }
}
async function repositoryFor(settings, findings) {
  const reportRepositories = findings.flatMap((finding) => finding.repository !== void 0 ? [finding.repository] : []);
  return resolveRepository({
    ...settings.repo !== void 0 ? { flag: settings.repo } : {},
    reportRepositories,
    env: settings.env,
    originUrl: await originRemoteUrl(resolve2(settings.root))
  });
}
async function tell(findings, rules, settings, dryRun, io = { http: fetchClient }) {
  const repository = await repositoryFor(settings, findings);
  const target = "target" in repository ? repository.target : void 0;
  const warnings = [];
  const plain = noticeFrom(findings, rules, target?.repository);
  const token = settings.env.GITHUB_TOKEN;
  const github = target && token ? { repository: target.repository, apiUrl: target.apiUrl, token } : void 0;
  const notice = settings.mentionOwners ? await withOwners(plain, { repoDir: resolve2(settings.root), ...github ? { github } : {}, warn: (message) => warnings.push(message) }) : plain;
  const setups = buildChannels(
    settings.channels,
    {
      webhook: { url: settings.webhookUrl, ...settings.webhookSecret !== void 0 ? { secret: settings.webhookSecret } : {}, ...settings.webhookRetry ? { retry: settings.webhookRetry } : {} },
      github: { repository, token, ...settings.githubTiming ? { timing: settings.githubTiming } : {} }
    },
    io
  );
  const problems = setups.flatMap((setup) => "problem" in setup ? [{ channel: setup.name, outcome: "failed", detail: setup.problem }] : []);
  const ready = setups.flatMap((setup) => "channel" in setup ? [setup] : []);
  const messages = dryRun ? ready.flatMap((setup) => setup.channel.messages(notice)) : [];
  const delivered = dryRun ? [] : (await Promise.all(ready.map((setup) => deliverSafely(setup, notice)))).flat();
  const deliveries = settings.channels.flatMap((name) => [...problems, ...delivered].filter((delivery) => delivery.channel === name));
  const verdict = notifyVerdict(setups.map((setup) => "problem" in setup ? { name: setup.name, problem: setup.problem } : { name: setup.name }), deliveries, dryRun, notice.findings.length);
  return { dryRun, findings: notice.findings.length, messages, deliveries, ...verdict, warnings };
}

// src/report/mask.ts
function fieldMasker(redact3) {
  const changed = [];
  return {
    changed,
    mask: (field2, text) => {
      const masked = redact3(text);
      if (masked !== text && !changed.includes(field2)) changed.push(field2);
      return masked;
    }
  };
}
function maskVerification(verification, mask2) {
  const detail = Object.fromEntries(Object.entries(verification.detail).map(([name, value]) => [name, typeof value === "string" ? mask2(value) : value]));
  return { ...verification, detail, ...verification.reason !== void 0 ? { reason: mask2(verification.reason) } : {} };
}
function maskFinding(finding, redact3) {
  const { mask: mask2, changed } = fieldMasker(redact3);
  const { origin } = finding;
  const path = mask2("path", origin.path);
  const repository = origin.repository === void 0 ? {} : { repository: mask2("repository", origin.repository) };
  const maskedOrigin = origin.kind === "history" ? { ...origin, path, ...repository, author: mask2("author", origin.author), email: mask2("email", origin.email) } : { ...origin, path, ...repository };
  const fingerprint = mask2("fingerprint", finding.fingerprint);
  const verification = finding.verification && maskVerification(finding.verification, (text) => mask2("verification", text));
  if (changed.length === 0) return finding;
  return { ...finding, origin: maskedOrigin, fingerprint, ...verification ? { verification } : {}, redactedFields: changed };
}
function maskWarning(warning2, redact3) {
  const { mask: mask2, changed } = fieldMasker(redact3);
  const path = warning2.path === void 0 ? {} : { path: mask2("path", warning2.path) };
  const message = mask2("message", warning2.message);
  return changed.length === 0 ? warning2 : { ...warning2, ...path, message, redactedFields: changed };
}
function maskResult(result, redact3) {
  return { ...result, findings: result.findings.map((finding) => maskFinding(finding, redact3)), warnings: result.warnings.map((warning2) => maskWarning(warning2, redact3)) };
}
function maskContext(context, redact3) {
  const { ignoreFile, uriPrefix, verdict } = context;
  return {
    ...context,
    ...ignoreFile !== void 0 ? { ignoreFile: redact3(ignoreFile) } : {},
    ...uriPrefix !== void 0 ? { uriPrefix: redact3(uriPrefix) } : {},
    ...verdict?.why !== void 0 ? { verdict: { ...verdict, why: redact3(verdict.why) } } : {}
  };
}
function printedFingerprints(fingerprint, redact3) {
  const masked = redact3(fingerprint);
  return [.../* @__PURE__ */ new Set([masked, printable(masked)])].filter((printed) => printed !== fingerprint);
}

// src/run/notify-step.ts
function findingsToTell(result, rules) {
  const engine = createEngine([...rules]);
  const redact3 = (text) => redactKeys(text, engine);
  const outcomes = new Map((result.revocations ?? []).map((revocation) => [revocation.secretHash, revocation.outcome]));
  const context = { toolVersion, showSecrets: false };
  return result.findings.map((finding) => {
    const told = toReportFinding(maskFinding(finding, redact3), context);
    const revocation = outcomes.get(finding.secretHash);
    return revocation === void 0 ? told : { ...told, revocation };
  });
}
function notifyRun(result, rules, settings, io) {
  return tell(findingsToTell(result, rules), rules, settings, false, io);
}

// src/run/prepare.ts
import { readFileSync as readFileSync2 } from "node:fs";
import { join } from "node:path";

// src/detect/suppress.ts
var fingerprintShape = /^.+:[a-z0-9-]+(?:\.[a-z0-9-]+)+:[0-9a-f]{16}$/;
function parseIgnoreFile(text) {
  const list2 = { fingerprints: /* @__PURE__ */ new Set(), pathPatterns: [] };
  for (const raw2 of text.split(/\r?\n/)) {
    const line = raw2.trim();
    if (line === "" || line.startsWith("#")) continue;
    if (fingerprintShape.test(line)) list2.fingerprints.add(line);
    else list2.pathPatterns.push(line);
  }
  return list2;
}
function isSuppressed(finding, suppressions) {
  return suppressions.ignore?.fingerprints.has(finding.fingerprint) === true || suppressions.baseline?.fingerprints.has(finding.fingerprint) === true;
}

// src/run/prepare.ts
async function prepare(config) {
  const file = config.configFile ? (await import("./config-file-GEE4Z7TY.js")).loadConfig(config.configFile) : { exclude: [], rules: [] };
  const ruleFiles = await loadRuleSet([...file.rules, ...config.ruleDirs]);
  const ignore = config.ignoreRoot === void 0 ? { fingerprints: /* @__PURE__ */ new Set(), pathPatterns: [] } : readIgnoreList(config.ignoreRoot);
  ignore.pathPatterns.push(...file.exclude);
  const suppressions = { ignore, ...config.baseline ? { baseline: (await import("./report-file-4TZTJLPL.js")).readBaseline(config.baseline) } : {} };
  const checks = config.verify ? await buildVerifier(config.verify, ruleFiles, config) : void 0;
  return { config, file, ruleFiles, rules: compileRules(ruleFiles), ignore, suppressions, ...checks };
}
async function buildVerifier(settings, ruleFiles, config) {
  const [{ createVerifier, defaultVerifySettings }, { fetchClient: fetchClient2 }] = await Promise.all([import("./verifier-U6QN3ACU.js"), import("./http-AYGVF6SO.js")]);
  const verifySettings = verifySettingsFrom(settings, config.env, defaultVerifySettings);
  if (config.revoke) return (await import("./revoke-AD66INVC.js")).buildRevokeStep(config.revoke, ruleFiles, verifySettings, config.env);
  return { verifier: createVerifier(ruleFiles, verifySettings, { http: fetchClient2, env: config.env }) };
}
function pick(value, flag, env, envName, fallback, valid, what) {
  if (value !== void 0) {
    if (!valid(value)) throw new UsageError(`${flag}: ${what}`);
    return value;
  }
  if (env !== void 0 && env.trim() !== "") {
    const fromEnv = Number(env);
    if (!valid(fromEnv)) throw new UsageError(`${envName}=${env}: ${what}`);
    return fromEnv;
  }
  return fallback;
}
function verifySettingsFrom(settings, env, defaultVerifySettings) {
  const seconds = pick(settings.timeoutSeconds, "--verify-timeout", env.KEYWARDEN_VERIFY_TIMEOUT, "KEYWARDEN_VERIFY_TIMEOUT", defaultVerifySettings.timeoutMs / 1e3, (n) => Number.isFinite(n) && n >= 1e-3 && n <= 600, "a number of seconds from 0.001 to 600");
  const concurrency = pick(settings.concurrency, "--verify-concurrency", env.KEYWARDEN_VERIFY_CONCURRENCY, "KEYWARDEN_VERIFY_CONCURRENCY", defaultVerifySettings.concurrency, (n) => Number.isInteger(n) && n >= 1 && n <= 256, "a whole number from 1 to 256");
  const cache = settings.longRunning ? defaultVerifySettings.cache : { ...defaultVerifySettings.cache, ttlMs: Infinity, unknownTtlMs: Infinity };
  return { ...defaultVerifySettings, timeoutMs: Math.round(seconds * 1e3), concurrency, ...cache ? { cache } : {} };
}
function readIgnoreList(root) {
  try {
    return parseIgnoreFile(readFileSync2(join(root, ".keywardenignore"), "utf8"));
  } catch (error2) {
    if (error2.code === "ENOENT") return { fingerprints: /* @__PURE__ */ new Set(), pathPatterns: [] };
    throw new UsageError(`cannot read ${join(root, ".keywardenignore")}: ${error2.code ?? String(error2)}`);
  }
}

// src/detect/tuning.ts
var tuningSample = 1024 * 1024;
var AnchorTuner = class {
  #counts = new Float64Array(256);
  #counted = 0;
  /** Feed bytes; returns the tuned engine once the sample is complete (once), else undefined. */
  feed(data, engine) {
    const counts = this.#counts;
    if (!counts) return void 0;
    const end = Math.min(data.length, tuningSample - this.#counted);
    for (let i = 0; i < end; i++) {
      const byte = data[i] ?? 0;
      counts[byte] = (counts[byte] ?? 0) + 1;
    }
    this.#counted += end;
    if (this.#counted < tuningSample) return void 0;
    this.#counts = void 0;
    return createEngine(engine.rules, counts);
  }
};

// src/run/verdict.ts
var statusOf4 = (finding) => finding.verification?.status ?? "skipped";
function isFailing(finding, failOn) {
  return failOn === "any" || statusOf4(finding) !== "invalid";
}
var statusOrder2 = { live: 0, unknown: 1, skipped: 2, invalid: 3 };
function byUrgency3(findings) {
  const rank = (finding) => statusOrder2[statusOf4(finding)] * 10 + severities.indexOf(finding.severity);
  return [...findings].sort((a, b) => rank(a) - rank(b));
}
function leftOutNote(results, left) {
  if (left.size === 0) return void 0;
  const counts = [...left].map(([status, n]) => `${n} ${status}`).join(", ");
  const total = [...left.values()].reduce((sum, n) => sum + n, 0);
  const unknown = left.has("unknown");
  return {
    kind: "filter",
    message: `--results ${[...results].join(",")} left out ${counts} finding${total === 1 ? "" : "s"}${unknown ? " (unknown: the key could not be checked and may still work)" : ""}`
  };
}
var plural3 = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function verdictOf(input) {
  if (input.failing > 0) {
    if (input.failingHidden > 0) return { exitCode: ExitCode.findings, why: `exit 1: ${plural3(input.failingHidden, "failing finding")} not shown (see the --results note)` };
    return { exitCode: ExitCode.findings };
  }
  if (input.incomplete.length > 0) {
    const names2 = [...new Set(input.incomplete.map((warning2) => warning2.path).filter((path) => path !== void 0))];
    const listed = names2.length > 0 ? `: ${names2.slice(0, 5).join(", ")}${names2.length > 5 ? `, and ${names2.length - 5} more` : ""}` : "";
    return { exitCode: ExitCode.error, why: `exit 2: not every ${input.noun} could be read to its end (${plural3(input.incomplete.length, "warning")}${listed})` };
  }
  if (input.passingShown > 0) return { exitCode: ExitCode.clean, why: "exit 0: every key found is known dead (--fail-on live)" };
  return { exitCode: ExitCode.clean };
}

// src/run/verify.ts
async function verifyFinding(finding, verifier) {
  if (finding.verification) return finding;
  const { verification, severity } = await verifier.verify(finding.ruleId, finding.secret);
  return { ...finding, verification, ...severity ? { severity } : {} };
}
var defaultWaitingLimit = 1024;
function verifyQueue(verifier, deliver, options = {}) {
  const ordered = options.ordered ?? true;
  const limit = options.limit ?? defaultWaitingLimit;
  let tail = Promise.resolve();
  let pending = 0;
  let waiters = [];
  const settled = () => new Promise((resolve4) => waiters.push(resolve4));
  let failure;
  const check = () => {
    if (failure) throw failure.error;
  };
  const handOn = (verified) => {
    const step = async () => {
      const done = await verified;
      if (!failure) await deliver(done);
    };
    tail = tail.then(step).catch((error2) => {
      failure ??= { error: error2 };
    }).finally(() => {
      pending--;
      const woken = waiters;
      waiters = [];
      for (const wake of woken) wake();
    });
  };
  return {
    async add(finding) {
      check();
      pending++;
      const verified = verifyFinding(finding, verifier);
      verified.catch(() => void 0);
      if (ordered) handOn(verified);
      else void verified.then(() => handOn(verified), () => handOn(verified));
      while (pending >= limit) await settled();
      check();
    },
    async drain() {
      while (pending > 0) await settled();
      await tail;
      check();
    }
  };
}

// src/run/tail.ts
var Tally = class {
  constructor(failOn, results) {
    this.failOn = failOn;
    this.results = results;
  }
  failOn;
  results;
  found = 0;
  suppressed = 0;
  #shown = 0;
  #failing = 0;
  #failingHidden = 0;
  #passingShown = 0;
  #allInput = true;
  #paths = /* @__PURE__ */ new Set();
  #byStatus = /* @__PURE__ */ new Map();
  #leftOut = /* @__PURE__ */ new Map();
  /** Count a checked finding; whether `--results` lets it be shown. */
  report(finding) {
    const status = statusOf4(finding);
    const failing = isFailing(finding, this.failOn);
    if (failing) this.#failing++;
    if (this.results && !this.results.has(status)) {
      this.#leftOut.set(status, (this.#leftOut.get(status) ?? 0) + 1);
      if (failing) this.#failingHidden++;
      return false;
    }
    this.#shown++;
    this.#allInput &&= finding.origin.kind === "input";
    if (!failing) this.#passingShown++;
    this.#paths.add(`${finding.origin.repository ?? ""}\0${finding.origin.path}`);
    this.#byStatus.set(status, (this.#byStatus.get(status) ?? 0) + 1);
    return true;
  }
  leftOutNote() {
    return this.results ? leftOutNote(this.results, this.#leftOut) : void 0;
  }
  counts() {
    const shown3 = this.#shown;
    return { found: this.found, shown: shown3, files: this.#paths.size, byStatus: Object.fromEntries(this.#byStatus), leftOut: Object.fromEntries(this.#leftOut), suppressed: this.suppressed, allInput: this.#allInput && shown3 > 0 };
  }
  verdict(noun, warnings) {
    return verdictOf({
      failOn: this.failOn,
      failing: this.#failing,
      failingHidden: this.#failingHidden,
      passingShown: this.#passingShown,
      noun,
      incomplete: warnings.filter((warning2) => warning2.kind === "incomplete")
    });
  }
};
function firstOnly(once) {
  if (!once) return void 0;
  const seen = /* @__PURE__ */ new Set();
  return (finding) => {
    const id = once === "fingerprint" ? finding.fingerprint : `${finding.ruleId}\0${finding.secretHash}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  };
}
function suppressedAsPrinted(suppressions, redact3) {
  const lists = [suppressions.ignore?.fingerprints, suppressions.baseline?.fingerprints].filter((list2) => list2 !== void 0 && list2.size > 0);
  if (lists.length === 0) return () => false;
  return (finding) => printedFingerprints(finding.fingerprint, redact3).some((printed) => lists.some((list2) => list2?.has(printed)));
}
async function runTail(source, prepared, options = {}) {
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const { config, rules, suppressions, verifier } = prepared;
  let engine = createEngine(rules);
  const redactEngine = engine;
  const isSuppressedAsPrinted = suppressedAsPrinted(suppressions, (text) => redactKeys(text, redactEngine));
  const tuner = source.tuneAnchors ? new AnchorTuner() : void 0;
  const ruleById = new Map(rules.map((rule) => [rule.id, rule]));
  const isFirst = firstOnly(source.once);
  const warnings = [];
  const kept = [];
  const stats = { files: 0, bytes: 0 };
  const tally = new Tally(config.failOn, config.results);
  const report = async (finding) => {
    prepared.revoker?.submit(finding);
    if (!tally.report(finding)) return;
    if (options.keep) kept.push(finding);
    await options.onFinding?.(finding);
  };
  const queue = verifier ? verifyQueue(verifier, report, { ordered: !source.unordered }) : void 0;
  const handOn = async (finding) => {
    tally.found++;
    await (queue ? queue.add(finding) : report(finding));
  };
  const settling = source.settle ? [] : void 0;
  const accept = async (finding) => {
    if (isFirst && !isFirst(finding)) return;
    if (isSuppressed(finding, suppressions) || isSuppressedAsPrinted(finding)) {
      tally.suppressed++;
      return;
    }
    if (settling) settling.push(finding);
    else await handOn(finding);
  };
  const warn2 = (warning2) => {
    warnings.push(warning2);
    options.onWarning?.(warning2);
  };
  const onEvent = async (event) => {
    switch (event.kind) {
      case "chunk": {
        const { chunk } = event;
        const data = Buffer.isBuffer(chunk.data) ? chunk.data : Buffer.from(chunk.data.buffer, chunk.data.byteOffset, chunk.data.byteLength);
        if (tuner) engine = tuner.feed(data, engine) ?? engine;
        for (const match of detectKeys(data, engine, { startLine: chunk.startLine, ...chunk.window })) await accept(toFinding(toWire(match, chunk.origin), match.rule));
        return;
      }
      case "found": {
        const rule = ruleById.get(event.found.ruleId);
        if (rule) await accept(toFinding(event.found, rule));
        return;
      }
      case "finding":
        return accept(event.finding);
      case "warning":
        return warn2(event.warning);
      case "read":
        stats.files += event.files;
        stats.bytes += event.bytes;
        return;
    }
  };
  const context = {
    ruleFiles: prepared.ruleFiles,
    rules,
    excludePatterns: prepared.ignore.pathPatterns,
    // The glob matcher is loaded only when there are patterns: the commit guard runs on every commit.
    excluded: prepared.ignore.pathPatterns.length > 0 ? (await import("./worktree-DNHHHBQB.js")).excludedPaths(prepared.ignore.pathPatterns) : () => false
  };
  await source.read(context, onEvent);
  if (settling && source.settle) for (const finding of await source.settle(settling)) await handOn(finding);
  await queue?.drain();
  const revocations = await prepared.revoker?.settle();
  const note = tally.leftOutNote();
  if (note) warn2(note);
  let findings = source.order ? kept.sort(source.order) : kept;
  if (verifier) findings = byUrgency3(findings);
  return {
    findings,
    warnings,
    stats: { files: stats.files, bytes: stats.bytes, durationMs: Math.round(clock() - started) },
    counts: tally.counts(),
    verdict: tally.verdict(source.noun ?? "input", warnings),
    verified: verifier !== void 0,
    ...revocations ? { revocations } : {}
  };
}

// src/rules/prefixes.ts
import { readdirSync, readFileSync as readFileSync3 } from "node:fs";
import { join as join2 } from "node:path";
function keyPrefixes(files) {
  return [...new Set(files.flatMap((file) => file.data.rules.flatMap((rule) => rule.keywords)))];
}
function builtinKeyPrefixes() {
  const cached = readRuleCache(builtinRulesDir);
  if (cached) return keyPrefixes(cached);
  try {
    const texts = readdirSync(builtinRulesDir).filter((name) => /\.ya?ml$/.test(name)).map((name) => readFileSync3(join2(builtinRulesDir, name), "utf8"));
    return [...new Set(texts.flatMap((text) => [...text.matchAll(/^\s*keywords:\s*\[([^\]]*)\]/gm)].flatMap((match) => (match[1] ?? "").split(",").map((word) => word.trim().replace(/^['"]|['"]$/g, "")))))].filter((word) => word !== "");
  } catch {
    return [];
  }
}

// src/report/colors.ts
var import_picocolors = __toESM(require_picocolors(), 1);
function colors(enabled) {
  return import_picocolors.default.createColors(enabled);
}

// src/report/human.ts
var severityColor = {
  critical: "magenta",
  high: "red",
  medium: "yellow",
  low: "blue"
};
function outcomePaint(status, c) {
  switch (status) {
    case "live":
      return c.red;
    case "unknown":
      return c.yellow;
    case "invalid":
    case "skipped":
      return c.dim;
  }
}
function statusTag(status, c) {
  const tag = status.toUpperCase();
  return status === "live" || status === "unknown" ? c.bold(outcomePaint(status, c)(tag)) : outcomePaint(status, c)(tag);
}
function formatBytes(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}
function verificationLines(verification, severity, c) {
  const lines = [];
  const escalation = escalationOf(verification);
  if (escalation) lines.push(`  ${c.bold(c[severityColor[severity]](`${severity}: ${escalation}`))}`);
  const outcome = describeOutcome(verification);
  if (outcome) lines.push(`  ${outcomePaint(verification.status, c)(outcome)}`);
  return lines;
}
function renderFinding(finding, rule, context, c) {
  const where = `${printable(placeOf(finding.origin))}:${finding.line}:${finding.column}`;
  const key = printable(context.showSecrets ? finding.secret.reveal() : finding.secret.redacted);
  const severity = c[severityColor[finding.severity]](finding.severity);
  const encoded = finding.encoding ? c.dim(` (${finding.encoding}-encoded)`) : "";
  const verification = verificationOf(finding);
  const tag = verification ? `  ${statusTag(verification.status, c)}` : "";
  const lines = [`${c.bold(where)}${tag}  ${printable(rule?.name ?? finding.ruleId)}  ${severity}  ${c.cyan(key)}${encoded}`];
  if (verification) lines.push(...verificationLines(verification, finding.severity, c));
  if (finding.origin.kind === "history") {
    const { commit, author, date } = finding.origin;
    lines.push(`  ${c.dim(printable(`commit ${commit.slice(0, 12)} by ${author} on ${date}`))}`);
  }
  if (rule) lines.push(`  ${c.dim("fix:")} ${rule.hint}`);
  if (finding.origin.kind !== "input") lines.push(`  ${c.dim(suppressHint(finding, context))}`);
  return lines.join("\n");
}
function tallyOf(findings, files) {
  return {
    found: findings.length,
    files,
    outcomes: isVerified(findings) ? countByStatus(findings) : [],
    allInput: findings.length > 0 && findings.every((finding) => finding.origin.kind === "input")
  };
}
function outcomeCounts(tally, c) {
  if (tally.outcomes.length === 0) return "";
  const counts = tally.outcomes.map(([status, count]) => outcomePaint(status, c)(`${count} ${status}`));
  return ` (${counts.join(", ")})`;
}
function checkedSummary(result, tally, why, c) {
  const found = tally.found;
  const warned = result.warnings.length;
  const warnings = warned > 0 ? ` \xB7 ${c.yellow(`${warned} warning${warned === 1 ? "" : "s"}`)}` : "";
  if (found === 0) return `${c.green("\u2714 no keys to check")}${warnings}${why}`;
  return `${c.bold(`${found} key${found === 1 ? "" : "s"} checked`)}${outcomeCounts(tally, c)}${warnings}${why}`;
}
function summaryLine2(result, tally, context, c) {
  const why = context.verdict?.why ? ` \xB7 ${c.bold(context.verdict.why)}` : "";
  if (tally.allInput) return checkedSummary(result, tally, why, c);
  const { files, bytes, durationMs } = result.stats;
  const scanned = c.dim(`${files} file${files === 1 ? "" : "s"} (${formatBytes(bytes)}) scanned in ${(durationMs / 1e3).toFixed(2)} s`);
  const suppressed = context.suppressed ? c.dim(`, ${context.suppressed} suppressed`) : "";
  const warned = result.warnings.filter((warning2) => warning2.kind !== "filter").length;
  const warnings = warned > 0 ? ` \xB7 ${c.yellow(`${warned} warning${warned === 1 ? "" : "s"}: not everything was scanned`)}` : "";
  const found = tally.found;
  const failed2 = (context.verdict?.exitCode ?? 0) !== 0;
  if (found === 0 && !failed2) return `${c.green("\u2714 no leaked keys")} \xB7 ${scanned}${suppressed}${warnings}${why}`;
  if (found === 0) return `${c.red(c.bold("\u2716 no leaked key shown"))} \xB7 ${scanned}${suppressed}${warnings}${why}`;
  const inFiles = `${tally.files} file${tally.files === 1 ? "" : "s"}`;
  return `${c.red(c.bold(`\u2716 ${found} leaked key${found === 1 ? "" : "s"}`))}${outcomeCounts(tally, c)} in ${inFiles} \xB7 ${scanned}${suppressed}${warnings}${why}`;
}
function renderHuman(result, context, rules, color) {
  const c = colors(color);
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const blocks = result.findings.map((finding) => renderFinding(finding, byId.get(finding.ruleId), context, c));
  return `${[...blocks, summaryLine2(result, tallyOf(result.findings, distinctFiles(result)), context, c)].join("\n\n")}
`;
}

// src/report/revocations.ts
var inertCell2 = (text) => cell(printable(text)).replace(/[@#]/g, (c) => `\`${c}\``);
var clockTime = (at) => `${at.slice(11, 19)} UTC`;
function whatHappened(revocation) {
  if (revocation.outcome === "revoked") return `**${revocation.action === "delete" ? "deleted" : "disabled"}** at ${clockTime(revocation.at)}: the owner should create a new key`;
  if (revocation.outcome === "already-revoked") return "already dead";
  return `**${revocation.outcome}**${revocation.reason !== void 0 ? `: ${inertCell2(revocation.reason)}` : ""}`;
}
function renderRevocationsMarkdown(revocations) {
  if (revocations.length === 0) return "";
  const rows = revocations.map((revocation) => `| \`${inertCell2(revocation.redacted)}\` | ${whatHappened(revocation)} | ${revocation.target ? inertCell2([revocation.target.name, revocation.target.label].filter((part) => part !== void 0).join(" ")) : ""} |`);
  return ["### Revocation", "", "| key | what keywarden did | account key |", "|---|---|---|", ...rows, ""].join("\n");
}

// src/report/json.ts
function statsOf(result) {
  const { files, bytes, durationMs } = result.stats;
  if (!isVerified(result.findings)) return { files, bytes, durationMs };
  return { files, bytes, durationMs, byStatus: Object.fromEntries(countByStatus(result.findings)) };
}
function renderJson(result, context) {
  const report = {
    version: 1,
    tool: { name: "keywarden", version: context.toolVersion },
    findings: result.findings.map((finding) => toReportFinding(finding, context)),
    stats: statsOf(result),
    ...result.warnings.length > 0 ? { warnings: result.warnings } : {}
  };
  return `${JSON.stringify(report, null, 2)}
`;
}
function renderJsonlFinding(finding, context) {
  return `${JSON.stringify(toReportFinding(finding, context))}
`;
}
function renderJsonl(result, context) {
  return result.findings.map((finding) => renderJsonlFinding(finding, context)).join("");
}

// src/report/sarif.ts
import { pathToFileURL } from "node:url";
var level = { critical: "error", high: "error", medium: "warning", low: "note" };
var securitySeverity = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };
function encodeUri(path) {
  return path.split("/").map(encodeURIComponent).join("/");
}
function artifactLocation(path, context) {
  if (path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path)) return { uri: pathToFileURL(path).href };
  return { uri: encodeUri((context.uriPrefix ?? "") + path), uriBaseId: "%SRCROOT%" };
}
function pascalWord(word) {
  const rest = word.slice(1);
  return word.charAt(0).toUpperCase() + (word === word.toUpperCase() ? rest.toLowerCase() : rest);
}
function asciiWords(text) {
  return text.normalize("NFD").replace(new RegExp("\\p{M}+", "gu"), "").split(/[^A-Za-z0-9]+/).filter((word) => word !== "");
}
function sarifRuleName(rule) {
  const words = asciiWords(rule.name);
  const name = (words.length > 0 ? words : asciiWords(rule.id)).map(pascalWord).join("");
  return /^[0-9]/.test(name) ? `Rule${name}` : name;
}
function describeRule(rule) {
  return {
    id: rule.id,
    name: sarifRuleName(rule),
    shortDescription: { text: `${rule.name} leaked` },
    fullDescription: { text: `${rule.name} found in plain text. Anyone who can read it can use it until it is revoked.` },
    help: { text: rule.hint, markdown: rule.hint },
    defaultConfiguration: { level: level[rule.severity] },
    properties: { tags: ["security", "secret", rule.provider], precision: "high", "security-severity": securitySeverity[rule.severity] }
  };
}
function levelOf(finding) {
  if (finding.verification?.status === "live") return "error";
  if (finding.verification?.status === "invalid") return "note";
  return level[finding.severity];
}
var statusWord = { live: "Live", unknown: "Possibly live", invalid: "Invalid", skipped: "Unverified" };
function sentence(text) {
  return ` ${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
function verifiedMessage(finding, verification, ruleName) {
  const escalation = escalationOf(verification);
  const outcome = describeOutcome(verification);
  return `${statusWord[verification.status]} ${ruleName} ${finding.secret.redacted} found.${escalation ? sentence(`${finding.severity}: ${escalation}`) : ""}${outcome ? sentence(outcome) : ""}`;
}
function messageOf3(finding, rule, context) {
  const secret = context.showSecrets ? ` Key: ${finding.secret.reveal()}.` : "";
  const verification = verificationOf(finding);
  if (!verification) return `${finding.provider} key ${finding.secret.redacted} found.${secret}`;
  return `${verifiedMessage(finding, verification, rule?.name ?? finding.ruleId)}${secret}`;
}
function verificationProperties(finding) {
  const verification = verificationOf(finding);
  if (!verification) return {};
  return {
    verification,
    severity: finding.severity,
    "security-severity": securitySeverity[finding.severity]
  };
}
function occurrences(findings) {
  const byFingerprint = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const copies = byFingerprint.get(finding.fingerprint);
    if (copies) copies.push(finding);
    else byFingerprint.set(finding.fingerprint, [finding]);
  }
  const numbers = /* @__PURE__ */ new Map();
  for (const copies of byFingerprint.values()) {
    copies.sort((a, b) => a.line - b.line || a.column - b.column);
    copies.forEach((finding, index) => numbers.set(finding, index + 1));
  }
  return numbers;
}
function redactedProperty(masked) {
  return masked.redactedFields ? { redactedFields: masked.redactedFields } : {};
}
function describeResult(finding, rule, ruleIndex, occurrence, context) {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: levelOf(finding),
    message: { text: messageOf3(finding, rule, context) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(finding.origin.path, context),
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.line, endColumn: finding.endColumn }
        }
      }
    ],
    partialFingerprints: { "keywarden/v1": finding.fingerprint, "keywarden/occurrence/v1": `${finding.fingerprint}:${occurrence}`, secretHash: finding.secretHash },
    properties: {
      provider: finding.provider,
      redacted: finding.secret.redacted,
      // An audit of several repositories: the URI stays relative to the finding's own repository.
      ...finding.origin.repository !== void 0 ? { repository: finding.origin.repository } : {},
      ...finding.origin.kind === "history" ? { commit: finding.origin.commit } : {},
      ...verificationProperties(finding),
      ...redactedProperty(finding)
    }
  };
}
function notificationOf(warning2, context) {
  const redacted = redactedProperty(warning2);
  return {
    level: warning2.kind === "filter" ? "note" : "warning",
    message: { text: warning2.message },
    ...warning2.path !== void 0 ? { locations: [{ physicalLocation: { artifactLocation: artifactLocation(warning2.path, context) } }] } : {},
    ...redacted.redactedFields ? { properties: redacted } : {}
  };
}
function invocationsOf(warnings, context) {
  if (warnings.length === 0) return {};
  return {
    invocations: [
      {
        executionSuccessful: !warnings.some((warning2) => warning2.kind === "incomplete"),
        toolExecutionNotifications: warnings.map((warning2) => notificationOf(warning2, context))
      }
    ]
  };
}
function renderSarif(result, context, rules) {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const occurrenceOf = occurrences(result.findings);
  const log2 = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "keywarden",
            version: context.toolVersion,
            semanticVersion: context.toolVersion,
            rules: rules.map(describeRule)
          }
        },
        ...invocationsOf(result.warnings, context),
        originalUriBaseIds: { "%SRCROOT%": { description: { text: "The top of the repository (or the scanned directory outside one)." } } },
        results: result.findings.map(
          (finding) => describeResult(finding, byId.get(finding.ruleId), ruleIndex.get(finding.ruleId) ?? -1, occurrenceOf.get(finding) ?? 1, context)
        ),
        columnKind: "utf16CodeUnits"
      }
    ]
  };
  return `${JSON.stringify(log2, null, 2)}
`;
}

// src/report/index.ts
function render(format2, result, context, rules, color = false) {
  switch (format2) {
    case "human":
      return renderHuman(result, context, rules, color);
    case "json":
      return renderJson(result, context);
    case "jsonl":
      return renderJsonl(result, context);
    case "sarif":
      return renderSarif(result, context, rules);
    case "markdown":
      return renderMarkdown(result, context);
  }
}

// src/sources/fetch.ts
function fetchEnv() {
  const env = gitEnv();
  delete env.GIT_ALLOW_PROTOCOL;
  delete env.GIT_NO_LAZY_FETCH;
  return env;
}
async function hasCommit2(dir, sha2) {
  return (await gitOutput(dir, ["cat-file", "-e", `${sha2}^{commit}`], { allowFailure: true })).code === 0;
}
async function isShallow(dir) {
  return (await gitOutput(dir, ["rev-parse", "--is-shallow-repository"])).stdout.toString("utf8").trim() === "true";
}
async function runFetch(dir, options, remote, refs = []) {
  const run = await gitOutput(dir, ["fetch", "--no-tags", "--quiet", "--no-recurse-submodules", ...options, "--end-of-options", remote, ...refs], {
    allowFailure: true,
    env: fetchEnv()
  });
  const reason = run.stderr.split("\n").find((line) => /^(fatal|error):/.test(line)) ?? "";
  return { ok: run.code === 0, reason: reason.slice(0, 200) };
}
async function connected(dir, base, head) {
  return !await isShallow(dir) || (await gitOutput(dir, ["merge-base", base, head], { allowFailure: true })).code === 0;
}
var fetchDepthAdvice = "set `fetch-depth: 0` on actions/checkout so the whole history is there";
async function ensureRange(dir, base, head, remote = "origin") {
  const done = [];
  const missing = [];
  for (const sha2 of [base, head]) if (!await hasCommit2(dir, sha2)) missing.push(sha2);
  if (missing.length > 0) {
    const fetched = await runFetch(dir, ["--depth=100"], remote, missing);
    done.push(`fetched ${missing.map((sha2) => sha2.slice(0, 12)).join(" and ")} (depth 100)`);
    for (const sha2 of missing) {
      if (!await hasCommit2(dir, sha2)) {
        throw new KeywardenError(`commit ${sha2.slice(0, 12)} is not in the checkout and could not be fetched${fetched.reason ? ` (${fetched.reason})` : ""}: ${fetchDepthAdvice}`);
      }
    }
  }
  for (const step of [200, 1e3, 5e3]) {
    if (await connected(dir, base, head)) return done;
    const deepened = await runFetch(dir, [`--deepen=${step}`], remote);
    done.push(`deepened the shallow checkout by ${step} commits`);
    if (!deepened.ok) throw new KeywardenError(`could not deepen the shallow checkout (${deepened.reason}): ${fetchDepthAdvice}`);
  }
  if (!await connected(dir, base, head)) {
    const whole = await runFetch(dir, ["--unshallow"], remote);
    done.push("fetched the whole history (--unshallow)");
    if (!whole.ok) throw new KeywardenError(`could not fetch the whole history (${whole.reason}): ${fetchDepthAdvice}`);
  }
  if (!await connected(dir, base, head)) throw new KeywardenError(`${base.slice(0, 12)} and ${head.slice(0, 12)} share no history`);
  return done;
}
async function remoteBranchTip(dir, branch, remote = "origin") {
  const ref = `refs/remotes/${remote}/${branch}`;
  await runFetch(dir, [], remote, [`+refs/heads/${branch}:${ref}`]);
  const local = await gitOutput(dir, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`], { allowFailure: true });
  return local.code === 0 ? local.stdout.toString("utf8").trim() : void 0;
}

// src/action/base-settings.ts
import { mkdtempSync } from "node:fs";
import { isAbsolute, join as join4, relative, resolve as resolve3, sep as sep2 } from "node:path";

// src/sources/base-files.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join as join3 } from "node:path";
async function lsTree(repo, rev, pathspec) {
  const { stdout } = await gitOutput(repo, ["--literal-pathspecs", "ls-tree", "-z", "--full-tree", "--end-of-options", rev, "--", pathspec]);
  return stdout.toString("utf8").split("\0").filter((record) => record !== "").map((record) => {
    const tab = record.indexOf("	");
    const [mode = "", type = ""] = record.slice(0, tab).split(" ");
    return { mode, type, path: record.slice(tab + 1) };
  });
}
function kindOf(entry) {
  if (!entry) return "missing";
  if (entry.type === "tree") return "dir";
  if (entry.type === "blob") return entry.mode === "120000" ? "link" : "file";
  return "missing";
}
async function entryAt(repo, rev, path) {
  if (path === "") return "dir";
  const entries = await lsTree(repo, rev, path);
  return kindOf(entries.find((entry) => entry.path === path));
}
async function copyFileAt(repo, rev, path, target) {
  const content = await blobAt(repo, rev, path);
  if (content === void 0) throw new KeywardenError(`cannot read ${path} at ${rev.slice(0, 7)}`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
}
async function copyDirAt(repo, rev, path, target) {
  const files = (await lsTree(repo, rev, path === "" ? "." : `${path}/`)).filter((entry) => kindOf(entry) === "file");
  mkdirSync(target, { recursive: true });
  const names2 = [];
  for (const file of files) {
    const name = path === "" ? file.path : file.path.slice(path.length + 1);
    await copyFileAt(repo, rev, file.path, join3(target, name));
    names2.push(name);
  }
  return names2;
}
async function changedBetween(repo, from, to, path) {
  const { code: code2 } = await gitOutput(repo, ["--literal-pathspecs", "diff", "--quiet", "--no-ext-diff", "--no-renames", from, to, "--", path === "" ? "." : path], { allowFailure: true });
  if (code2 !== 0 && code2 !== 1) throw new KeywardenError(`git diff ${from.slice(0, 7)} ${to.slice(0, 7)} -- ${path} failed (exit ${code2})`);
  return code2 === 1;
}

// src/action/base-settings.ts
function inRepository(at, path) {
  const rel = relative(at.top, resolve3(at.workspace, path));
  if (rel.startsWith("..") || isAbsolute(rel)) return void 0;
  return rel.split(sep2).join("/");
}
function refuseKind(input, path, kind, base) {
  const what = kind === "link" ? "a symbolic link (not followed)" : kind === "dir" ? "a directory" : "a file";
  throw new KeywardenError(`${input}: ${path || "."} is ${what} at the base commit ${base.slice(0, 7)}, which is where a pull request's settings are read from`);
}
async function fromBase(at, input, given, want, changed) {
  const path = inRepository(at, given);
  if (path === void 0) return given;
  const top = at.top;
  if (await changedBetween(top, at.base, at.head, path)) changed.push(path || ".");
  const kind = await entryAt(top, at.base, path);
  if (kind === "missing") return await entryAt(top, at.head, path) === "missing" ? given : void 0;
  if (kind !== want) refuseKind(input, path, kind, at.base);
  const copy = join4(at.into, path);
  if (want === "file") await copyFileAt(top, at.base, path, copy);
  else await copyDirAt(top, at.base, path, copy);
  return copy;
}
async function settingsAtBase(at, inputs) {
  const changed = [];
  const config = inputs.config === void 0 ? void 0 : await fromBase(at, "input config", inputs.config, "file", changed);
  if (config !== void 0 && config.startsWith(at.into + sep2)) {
    const { loadConfig } = await import("./config-file-GEE4Z7TY.js");
    for (const dir of loadConfig(config).rules) {
      const rel = relative(at.into, dir);
      if (!rel.startsWith("..") && !isAbsolute(rel)) await fromBase({ ...at, workspace: at.top }, `${inputs.config ?? "config"}: rules`, rel, "dir", changed);
    }
  }
  const rules = [];
  for (const dir of inputs.rules) {
    const used = await fromBase(at, "input rules", dir, "dir", changed);
    if (used !== void 0) rules.push(used);
  }
  return { ...config !== void 0 ? { config } : {}, rules, changed: [...new Set(changed)] };
}
function settingsDir(env, tmpdir2) {
  return mkdtempSync(join4(env.RUNNER_TEMP || tmpdir2, "keywarden-base-"));
}
function settingsNote(changed, base) {
  if (changed.length === 0) return void 0;
  const names2 = changed.map((path) => `\`${path.replace(/[`\r\n]/g, "?")}\``).join(", ");
  return `\u26A0\uFE0F This pull request changes keywarden's settings (${names2}). This check used them as they are at the base commit ${base.slice(0, 7)}, so that a pull request cannot change the rules that check it; the changes take effect once merged.`;
}

// src/action/event.ts
var noCommit = /^0{40}$|^0{64}$/;
var sha = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;
function field(value, path) {
  let current = value;
  for (const step of path.split(".")) {
    if (current === null || typeof current !== "object") return void 0;
    current = current[step];
  }
  return current;
}
function shaAt(payload, path) {
  const value = field(payload, path);
  return typeof value === "string" && sha.test(value) ? value : void 0;
}
var UnsupportedEvent = class extends Error {
};
function scanTargetOf(eventName, payload) {
  if (eventName === "pull_request" || eventName === "pull_request_target") {
    const base = shaAt(payload, "pull_request.base.sha");
    const head = shaAt(payload, "pull_request.head.sha");
    const number = field(payload, "pull_request.number");
    if (!base || !head) throw new UnsupportedEvent(`the ${eventName} event has no pull_request.base.sha/head.sha`);
    return { kind: "range", base, head, ...typeof number === "number" ? { pullRequest: number } : {} };
  }
  if (eventName === "push") {
    const before = field(payload, "before");
    const after = field(payload, "after");
    if (typeof after !== "string" || noCommit.test(after) || field(payload, "deleted") === true) return { kind: "nothing", why: "the push deleted a branch" };
    if (!sha.test(after)) throw new UnsupportedEvent('the push event has no valid "after" sha');
    if (before === after) return { kind: "nothing", why: "the push added no commits" };
    if (typeof before !== "string" || noCommit.test(before) || field(payload, "created") === true) {
      const defaultBranch2 = field(payload, "repository.default_branch");
      if (typeof defaultBranch2 !== "string" || defaultBranch2 === "") throw new UnsupportedEvent("the push created a branch but the event names no default branch");
      return { kind: "new-branch", head: after, defaultBranch: defaultBranch2 };
    }
    if (!sha.test(before)) throw new UnsupportedEvent('the push event has no valid "before" sha');
    const defaultBranch = field(payload, "repository.default_branch");
    return { kind: "range", base: before, head: after, ...typeof defaultBranch === "string" && defaultBranch !== "" ? { defaultBranch } : {} };
  }
  throw new UnsupportedEvent(`keywarden's action runs on pull_request, pull_request_target and push events, not ${eventName}; use \`scan: history\` for other events`);
}

// src/run/notify-channels.ts
var isChannel = (name) => channelNames.includes(name);
function channelList(given) {
  const names2 = given.flatMap((value) => value.split(",")).map((name) => name.trim()).filter((name) => name !== "");
  return { channels: [...new Set(names2.filter(isChannel))], unknown: names2.filter((name) => !isChannel(name)) };
}

// src/action/inputs.ts
var secretInputs = ["openrouter-management-key", "webhook-url"];
function secretInputValues(env) {
  return secretInputs.map((name) => raw(env, name)).filter((value) => value !== "");
}
var InputError = class extends Error {
};
var actionSpell = (option, value) => {
  if (option === "verify") return "verify: true";
  const name = option === "failOn" ? "fail-on" : option === "results" ? "results" : option;
  return value === void 0 ? `input ${name}` : `input ${name}: '${value}'`;
};
function raw(env, name) {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function boolean(env, name, fallback) {
  const value = raw(env, name);
  if (value === "") return fallback;
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new InputError(`input ${name}: '${value}' is not a boolean (true or false)`);
}
function choice(env, name, choices, fallback) {
  const value = raw(env, name);
  if (value === "") return fallback;
  if (!choices.includes(value)) throw new InputError(`input ${name}: '${value}' is not one of ${choices.join(", ")}`);
  return value;
}
function list(env, name) {
  return raw(env, name).split(/[\n,]/).map((item) => item.trim()).filter((item) => item !== "");
}
function notifyChannels(env, webhookUrl2) {
  const { channels, unknown } = channelList(list(env, "notify"));
  const [wrong] = unknown;
  if (wrong !== void 0) throw new InputError(`input notify: ${/^[a-z-]{1,30}$/.test(wrong) ? `'${wrong}' is` : "an entry is"} not a channel (${channelNames.join(", ")})`);
  if (webhookUrl2 !== "" && !channels.includes("webhook")) throw new InputError("input webhook-url needs notify: webhook: without it nothing is sent to the webhook");
  return channels;
}
function readInputs(env) {
  const results = raw(env, "results");
  const sarif = raw(env, "sarif");
  const config = raw(env, "config");
  const verify = boolean(env, "verify", false);
  const failOn = choice(env, "fail-on", ["any", "live"], "any");
  const revoke = boolean(env, "revoke", false);
  const given = /* @__PURE__ */ new Set([...verify ? ["verify"] : [], ...results !== "" ? ["results"] : [], ...revoke ? ["revoke"] : []]);
  const problem = runConfigProblem(given, failOn, actionSpell);
  if (problem) throw new InputError(problem);
  const webhookUrl2 = raw(env, "webhook-url");
  return {
    scan: choice(env, "scan", ["diff", "history"], "diff"),
    verify,
    failOn,
    ...results !== "" ? { results } : {},
    comment: boolean(env, "comment", true),
    // `sarif: true` is a convenience for the usual file name.
    ...sarif !== "" && sarif !== "false" ? { sarif: sarif === "true" ? "keywarden.sarif" : sarif } : {},
    rules: list(env, "rules"),
    ...config !== "" ? { config } : {},
    githubToken: raw(env, "github-token"),
    revoke,
    openrouterManagementKey: raw(env, "openrouter-management-key"),
    notify: notifyChannels(env, webhookUrl2),
    webhookUrl: webhookUrl2
  };
}

// src/action/runner.ts
import { randomUUID as randomUUID2 } from "node:crypto";

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve4) {
      resolve4(value);
    });
  }
  return new (P || (P = Promise))(function(resolve4, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve4(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code2, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code2), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell2) => {
        if (typeof cell2 === "string") {
          return this.wrap("td", cell2);
        }
        const { header: header2, data, colspan, rowspan } = cell2;
        const tag = header2 ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level2) {
    const tag = `h${level2}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary2 = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode2;
(function(ExitCode3) {
  ExitCode3[ExitCode3["Success"] = 0] = "Success";
  ExitCode3[ExitCode3["Failure"] = 1] = "Failure";
})(ExitCode2 || (ExitCode2 = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}

// src/action/runner.ts
function mask(secret) {
  setSecret(secret);
}
function setOutputs(outputs) {
  if (!process.env.GITHUB_OUTPUT) return;
  for (const [name, value] of Object.entries(outputs)) setOutput(name, value);
}
async function appendSummary(markdown) {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await summary2.addRaw(markdown, !markdown.endsWith("\n")).write();
}
function annotate({ level: level2, title, message, place }) {
  const properties = { title, ...place ? { file: place.file, startLine: place.startLine, startColumn: place.startColumn, endColumn: place.endColumn } : {} };
  if (level2 === "error") error(message, properties);
  else warning(message, properties);
}
function warn(message) {
  warning(message);
}
function fail(message) {
  error(message);
}
function writeInert(text) {
  const resume = randomUUID2();
  process.stdout.write(`::stop-commands::${resume}
${text}${text.endsWith("\n") || text === "" ? "" : "\n"}::${resume}::
`);
}

// src/action/main.ts
var shown2 = (text) => redactKeyLikeTokens(text, builtinKeyPrefixes());
function maskingRedactor(rules) {
  const engine = createEngine([...rules]);
  const masked = /* @__PURE__ */ new Set();
  const hide = (key) => {
    if (masked.has(key)) return;
    masked.add(key);
    mask(key);
  };
  return (text) => redactKeys(text, engine, hide);
}
var log = (line) => process.stdout.write(`${shown2(line)}
`);
function readEvent(env) {
  const name = env.GITHUB_EVENT_NAME ?? "";
  const path = env.GITHUB_EVENT_PATH;
  if (!path) throw new KeywardenError("GITHUB_EVENT_PATH is not set: this runs as a GitHub Action step");
  try {
    return { name, payload: JSON.parse(readFileSync4(path, "utf8")) };
  } catch (error2) {
    throw new KeywardenError(`cannot read the event at ${path}: ${error2.code ?? "not valid JSON"}`);
  }
}
var short = (sha2) => sha2.slice(0, 7);
async function targetSource(target, repo) {
  if (target.kind === "range") {
    try {
      for (const step of await ensureRange(repo.dir, target.base, target.head)) log(`keywarden: ${step}`);
    } catch (error2) {
      if (target.pullRequest !== void 0 || target.defaultBranch === void 0 || !(error2 instanceof KeywardenError)) throw error2;
      log(`keywarden: ${short(target.base)} cannot be fetched (a force-push?); scanning the commits not on ${target.defaultBranch} instead`);
      return targetSource({ kind: "new-branch", head: target.head, defaultBranch: target.defaultBranch }, repo);
    }
    const what = target.pullRequest === void 0 ? "pushed" : `pull request #${target.pullRequest}`;
    return {
      scope: `lines added by the ${what} commits (${short(target.base)}..${short(target.head)})`,
      source: settledAgainst(rangeSource({ repo, range: `${target.base}..${target.head}` }), repo, target.base, target.head),
      ...target.pullRequest !== void 0 ? { pullRequest: target.pullRequest } : {}
    };
  }
  const tip = await remoteBranchTip(repo.dir, target.defaultBranch);
  if (tip === void 0) log(`keywarden: the default branch ${target.defaultBranch} is not reachable; scanning every commit of the new branch`);
  if (tip !== void 0) for (const step of await ensureRange(repo.dir, tip, target.head)) log(`keywarden: ${step}`);
  const range = rangeSource({ repo, range: tip === void 0 ? target.head : `${tip}..${target.head}` });
  return { scope: `lines added by the new branch's commits (not on ${target.defaultBranch})`, source: tip === void 0 ? range : settledAgainst(range, repo, tip, target.head) };
}
function settledAgainst(source, repo, base, head) {
  return {
    ...source,
    async settle(findings) {
      const { kept, inBase } = await withoutKeysInBase(findings, repo.dir, base, head);
      if (inBase > 0) log(`keywarden: ${inBase} finding${inBase === 1 ? "" : "s"} left out: the key was already at ${short(base)} (in that file, or moved from another)`);
      return kept;
    }
  };
}
var withNote = (text, note) => note ? `${text.replace(/\n*$/, "\n")}
${note}
` : text;
async function updateComment(inputs, env, scanned, rules) {
  if (!inputs.comment || scanned.pullRequest === void 0) return;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!inputs.githubToken || !owner || !repo) {
    warn("keywarden: no github-token or GITHUB_REPOSITORY, so the pull request comment was not updated");
    return;
  }
  const target = { apiUrl: env.GITHUB_API_URL ?? "https://api.github.com", token: inputs.githubToken, owner, repo };
  const runUrl = env.GITHUB_SERVER_URL && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : void 0;
  try {
    const outcome = scanned.result.findings.length > 0 || scanned.note ? await upsertMarkedComment(target, scanned.pullRequest, prCommentMarker, withNote(`${renderPrComment(scanned.result, rules, scanned.scope, runUrl)}${scanned.revoked === "" ? "" : `
${scanned.revoked}`}`, scanned.note)) : await settleMarkedComment(target, scanned.pullRequest, prCommentMarker, renderAllClearComment(scanned.scope, runUrl));
    log(`keywarden: pull request comment ${outcome}`);
  } catch (error2) {
    warn(`keywarden: could not update the pull request comment: ${shown2(error2.message)}`);
  }
}
function runConfigOf(inputs, repo, env) {
  return {
    env,
    ruleDirs: inputs.rules,
    failOn: inputs.failOn,
    ...inputs.config !== void 0 ? { configFile: inputs.config } : {},
    ...repo.workTree !== void 0 ? { ignoreRoot: repo.workTree } : {},
    ...inputs.verify ? { verify: {} } : {},
    ...inputs.results !== void 0 ? { results: parseResults(inputs.results) } : {},
    // Never by default: only `revoke: true`, and then it acts (a workflow has no one to confirm a plan).
    ...inputs.revoke ? { revoke: { execute: true, action: "disable", command: "action" } } : {}
  };
}
async function prepareFor(inputs, repo, env, pullRequest) {
  if (pullRequest === void 0 || repo.workTree === void 0) return { prepared: await prepare(runConfigOf(inputs, repo, env)) };
  const into = settingsDir(env, tmpdir());
  try {
    const at = { top: repo.workTree, workspace: env.GITHUB_WORKSPACE ?? process.cwd(), base: pullRequest.base, head: pullRequest.head, into };
    const settings = await settingsAtBase(at, inputs);
    const fromBase2 = { ...inputs, rules: settings.rules };
    if (settings.config === void 0) delete fromBase2.config;
    else fromBase2.config = settings.config;
    const prepared = await prepare(runConfigOf(fromBase2, repo, env));
    const note = settingsNote(settings.changed, pullRequest.base);
    if (note) log(`keywarden: ${note}`);
    return { prepared, ...note ? { note } : {} };
  } finally {
    rmSync(into, { recursive: true, force: true });
  }
}
function withManagementKey(inputs, env) {
  if (inputs.openrouterManagementKey === "") return env;
  return { ...env, OPENROUTER_MANAGEMENT_KEY: inputs.openrouterManagementKey };
}
async function notifyOwners(inputs, env, root, result, rules) {
  if (inputs.notify.length === 0) return void 0;
  const withToken = inputs.githubToken === "" ? env : { ...env, GITHUB_TOKEN: inputs.githubToken };
  const settings = notifySettingsOf({ channels: inputs.notify, root, webhookUrl: inputs.webhookUrl === "" ? void 0 : inputs.webhookUrl, mentionOwners: false }, withToken);
  const told = await notifyRun(result, rules, settings);
  for (const message of told.warnings) warn(`keywarden: notify: ${shown2(message)}`);
  for (const delivery of told.deliveries) {
    if (delivery.outcome === "failed") warn(`keywarden: notify: ${delivery.channel}: ${shown2(delivery.detail)}`);
    else log(`keywarden: notify: ${delivery.channel}: ${delivery.outcome}: ${delivery.detail}`);
  }
  return told.exitCode === ExitCode.error ? told.why : void 0;
}
async function runAction(env) {
  for (const secret of secretInputValues(env)) mask(secret);
  const inputs = readInputs(env);
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const repo = await openRepository(workspace);
  const runEnv = withManagementKey(inputs, env);
  const event = inputs.scan === "history" ? void 0 : readEvent(env);
  const scanTarget = event ? scanTargetOf(event.name, event.payload) : void 0;
  const pullRequest = scanTarget?.kind === "range" && scanTarget.pullRequest !== void 0 ? scanTarget : void 0;
  let settings = pullRequest ? void 0 : await prepareFor(inputs, repo, runEnv);
  let target;
  if (scanTarget === void 0) {
    target = { scope: "every blob in the repository history", source: historySource({ repo, selection: { revisions: [] }, maxBlobSize: 100 * 1024 * 1024 }) };
  } else {
    if (scanTarget.kind === "nothing") {
      log(`keywarden: nothing to scan: ${scanTarget.why}`);
      setOutputs({ findings: "0", live: "0" });
      return ExitCode.clean;
    }
    target = await targetSource(scanTarget, repo);
  }
  settings ??= await prepareFor(inputs, repo, runEnv, pullRequest);
  const { prepared, note } = settings;
  const { rules } = prepared;
  shown2 = maskingRedactor(rules);
  const found = await runTail(target.source, prepared, { keep: true });
  for (const key of new Set(found.findings.map((finding) => finding.secret.reveal()))) mask(key);
  const result = maskResult(found, shown2);
  const revoked = renderRevocationsMarkdown(result.revocations ?? []);
  const scanned = { scope: shown2(target.scope), result, revoked, ...target.pullRequest !== void 0 ? { pullRequest: target.pullRequest } : {} };
  writeInert(renderHuman(result, maskContext({ toolVersion, showSecrets: false, verdict: result.verdict }, shown2), rules, !env.NO_COLOR));
  for (const annotation2 of annotationsOf(result, rules)) annotate(annotation2);
  for (const warning2 of result.warnings) warn(`keywarden: ${shown2(`${warning2.path ? `${warning2.path}: ` : ""}${warning2.message}`)}`);
  await appendSummary(withNote(`${renderJobSummary(result, rules, scanned.scope)}${revoked === "" ? "" : `
${revoked}`}`, note));
  const revocationLines = (result.revocations ?? []).map((revocation) => `keywarden: ${revocation.redacted}: ${revocation.outcome}${revocation.reason !== void 0 ? ` (${shown2(revocation.reason)})` : ""}
`);
  if (revocationLines.length > 0) writeInert(revocationLines.join(""));
  const outputs = {
    findings: String(result.findings.length),
    live: String(result.counts.byStatus.live ?? 0)
  };
  if (inputs.sarif !== void 0) {
    const sarifPath = isAbsolute2(inputs.sarif) ? inputs.sarif : join5(workspace, inputs.sarif);
    writeFileSync2(sarifPath, render("sarif", result, { toolVersion, showSecrets: false }, rules, false));
    outputs["sarif-file"] = sarifPath;
  }
  setOutputs(outputs);
  await updateComment(inputs, env, { ...scanned, ...note ? { note } : {} }, rules);
  const notifyFailure = await notifyOwners(inputs, env, repo.workTree ?? repo.dir, result, rules);
  const revokeProblem = result.revocations?.find((revocation) => revocation.configuration);
  if (revokeProblem) {
    fail(`keywarden: revoke: ${shown2(revokeProblem.reason ?? "a configuration error")}`);
    return ExitCode.error;
  }
  const { exitCode: code2, why } = result.verdict;
  if (code2 === ExitCode.findings && result.findings.length > 0) fail(`keywarden: ${result.findings.length} leaked key${result.findings.length === 1 ? "" : "s"} in ${scanned.scope}`);
  if (code2 !== ExitCode.clean && why) fail(`keywarden: ${shown2(why)}`);
  if (notifyFailure !== void 0) {
    fail(`keywarden: ${shown2(notifyFailure)}`);
    return ExitCode.error;
  }
  return code2;
}
function reportFailure(error2) {
  const known = error2 instanceof KeywardenError || error2 instanceof InputError || error2 instanceof UnsupportedEvent;
  const message = known ? error2.message : `unexpected failure: ${error2 instanceof Error ? error2.stack ?? error2.message : String(error2)}`;
  fail(`keywarden: ${shown2(message)}`);
  process.exitCode = ExitCode.error;
}
runAction(process.env).then((code2) => {
  process.exitCode = code2;
}, reportFailure);
