import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  mulberry32
} from "./cli-chunk-GO65PKX3.js";
import {
  require_dist
} from "./cli-chunk-WKPB2DLF.js";
import {
  ProfileSchema,
  ngrams,
  parseProfile,
  tokenize,
  truncateText
} from "./cli-chunk-X2GB25J3.js";
import {
  external_exports
} from "./cli-chunk-432HCV4T.js";
import {
  cellText,
  toBoolean,
  toNumber
} from "./cli-chunk-6HQVLVXU.js";
import {
  code,
  formatNumber,
  table
} from "./cli-chunk-5E2F2P2C.js";
import {
  readText
} from "./cli-chunk-E2MBSDJC.js";
import {
  basicAuth
} from "./cli-chunk-SRRUYVY4.js";
import {
  COMMITTER,
  markerRef
} from "./cli-chunk-PPRUUPOP.js";
import {
  MlopsError,
  SettingError,
  errorMessage,
  fileError
} from "./cli-chunk-CRJPICDA.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./cli-chunk-3D3HMA2K.js";

// node_modules/@protobufjs/aspromise/index.js
var require_aspromise = __commonJS({
  "node_modules/@protobufjs/aspromise/index.js"(exports, module) {
    "use strict";
    module.exports = asPromise;
    function asPromise(fn, ctx) {
      var params = new Array(arguments.length - 1), offset = 0, index = 2, pending = true;
      while (index < arguments.length)
        params[offset++] = arguments[index++];
      return new Promise(function executor(resolve3, reject) {
        params[offset] = function callback(err) {
          if (pending) {
            pending = false;
            if (err)
              reject(err);
            else {
              var params2 = new Array(arguments.length - 1), offset2 = 0;
              while (offset2 < params2.length)
                params2[offset2++] = arguments[offset2];
              resolve3.apply(null, params2);
            }
          }
        };
        try {
          fn.apply(ctx || null, params);
        } catch (err) {
          if (pending) {
            pending = false;
            reject(err);
          }
        }
      });
    }
  }
});

// node_modules/@protobufjs/base64/index.js
var require_base64 = __commonJS({
  "node_modules/@protobufjs/base64/index.js"(exports) {
    "use strict";
    var base64 = exports;
    base64.length = function length(string) {
      var p = string.length;
      if (!p)
        return 0;
      var n = 0;
      while (--p % 4 > 1 && string.charAt(p) === "=")
        ++n;
      return Math.ceil(string.length * 3) / 4 - n;
    };
    var b64 = new Array(64);
    var s64 = new Array(123);
    for (i = 0; i < 64; )
      s64[b64[i] = i < 26 ? i + 65 : i < 52 ? i + 71 : i < 62 ? i - 4 : i - 59 | 43] = i++;
    var i;
    base64.encode = function encode(buffer, start, end) {
      var parts = null, chunk = [];
      var i2 = 0, j = 0, t;
      while (start < end) {
        var b = buffer[start++];
        switch (j) {
          case 0:
            chunk[i2++] = b64[b >> 2];
            t = (b & 3) << 4;
            j = 1;
            break;
          case 1:
            chunk[i2++] = b64[t | b >> 4];
            t = (b & 15) << 2;
            j = 2;
            break;
          case 2:
            chunk[i2++] = b64[t | b >> 6];
            chunk[i2++] = b64[b & 63];
            j = 0;
            break;
        }
        if (i2 > 8191) {
          (parts || (parts = [])).push(String.fromCharCode.apply(String, chunk));
          i2 = 0;
        }
      }
      if (j) {
        chunk[i2++] = b64[t];
        chunk[i2++] = 61;
        if (j === 1)
          chunk[i2++] = 61;
      }
      if (parts) {
        if (i2)
          parts.push(String.fromCharCode.apply(String, chunk.slice(0, i2)));
        return parts.join("");
      }
      return String.fromCharCode.apply(String, chunk.slice(0, i2));
    };
    var invalidEncoding = "invalid encoding";
    base64.decode = function decode(string, buffer, offset) {
      var start = offset;
      var j = 0, t;
      for (var i2 = 0; i2 < string.length; ) {
        var c = string.charCodeAt(i2++);
        if (c === 61 && j > 1)
          break;
        if ((c = s64[c]) === void 0)
          throw Error(invalidEncoding);
        switch (j) {
          case 0:
            t = c;
            j = 1;
            break;
          case 1:
            buffer[offset++] = t << 2 | (c & 48) >> 4;
            t = c;
            j = 2;
            break;
          case 2:
            buffer[offset++] = (t & 15) << 4 | (c & 60) >> 2;
            t = c;
            j = 3;
            break;
          case 3:
            buffer[offset++] = (t & 3) << 6 | c;
            j = 0;
            break;
        }
      }
      if (j === 1)
        throw Error(invalidEncoding);
      return offset - start;
    };
    base64.test = function test(string) {
      return /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(string);
    };
  }
});

// node_modules/@protobufjs/eventemitter/index.js
var require_eventemitter = __commonJS({
  "node_modules/@protobufjs/eventemitter/index.js"(exports, module) {
    "use strict";
    module.exports = EventEmitter;
    function EventEmitter() {
      this._listeners = /* @__PURE__ */ Object.create(null);
    }
    EventEmitter.prototype.on = function on(evt, fn, ctx) {
      (this._listeners[evt] || (this._listeners[evt] = [])).push({
        fn,
        ctx: ctx || this
      });
      return this;
    };
    EventEmitter.prototype.off = function off(evt, fn) {
      if (evt === void 0)
        this._listeners = /* @__PURE__ */ Object.create(null);
      else {
        if (fn === void 0)
          this._listeners[evt] = [];
        else {
          var listeners = this._listeners[evt];
          if (!listeners)
            return this;
          for (var i = 0; i < listeners.length; )
            if (listeners[i].fn === fn)
              listeners.splice(i, 1);
            else
              ++i;
        }
      }
      return this;
    };
    EventEmitter.prototype.emit = function emit(evt) {
      var listeners = this._listeners[evt];
      if (listeners) {
        var args = [], i = 1;
        for (; i < arguments.length; )
          args.push(arguments[i++]);
        for (i = 0; i < listeners.length; )
          listeners[i].fn.apply(listeners[i++].ctx, args);
      }
      return this;
    };
  }
});

// node_modules/@protobufjs/float/index.js
var require_float = __commonJS({
  "node_modules/@protobufjs/float/index.js"(exports, module) {
    "use strict";
    module.exports = factory(factory);
    function factory(exports2) {
      if (typeof Float32Array !== "undefined") (function() {
        var f32 = new Float32Array([-0]), f8b = new Uint8Array(f32.buffer), le = f8b[3] === 128;
        function writeFloat_f32_cpy(val, buf, pos) {
          f32[0] = val;
          buf[pos] = f8b[0];
          buf[pos + 1] = f8b[1];
          buf[pos + 2] = f8b[2];
          buf[pos + 3] = f8b[3];
        }
        function writeFloat_f32_rev(val, buf, pos) {
          f32[0] = val;
          buf[pos] = f8b[3];
          buf[pos + 1] = f8b[2];
          buf[pos + 2] = f8b[1];
          buf[pos + 3] = f8b[0];
        }
        exports2.writeFloatLE = le ? writeFloat_f32_cpy : writeFloat_f32_rev;
        exports2.writeFloatBE = le ? writeFloat_f32_rev : writeFloat_f32_cpy;
        function readFloat_f32_cpy(buf, pos) {
          f8b[0] = buf[pos];
          f8b[1] = buf[pos + 1];
          f8b[2] = buf[pos + 2];
          f8b[3] = buf[pos + 3];
          return f32[0];
        }
        function readFloat_f32_rev(buf, pos) {
          f8b[3] = buf[pos];
          f8b[2] = buf[pos + 1];
          f8b[1] = buf[pos + 2];
          f8b[0] = buf[pos + 3];
          return f32[0];
        }
        exports2.readFloatLE = le ? readFloat_f32_cpy : readFloat_f32_rev;
        exports2.readFloatBE = le ? readFloat_f32_rev : readFloat_f32_cpy;
      })();
      else (function() {
        function writeFloat_ieee754(writeUint, val, buf, pos) {
          var sign = val < 0 ? 1 : 0;
          if (sign)
            val = -val;
          if (val === 0)
            writeUint(1 / val > 0 ? (
              /* positive */
              0
            ) : (
              /* negative 0 */
              2147483648
            ), buf, pos);
          else if (isNaN(val))
            writeUint(2143289344, buf, pos);
          else if (val > 34028234663852886e22)
            writeUint((sign << 31 | 2139095040) >>> 0, buf, pos);
          else if (val < 11754943508222875e-54)
            writeUint((sign << 31 | Math.round(val / 1401298464324817e-60)) >>> 0, buf, pos);
          else {
            var exponent = Math.floor(Math.log(val) / Math.LN2), mantissa = Math.round(val * Math.pow(2, -exponent) * 8388608) & 8388607;
            writeUint((sign << 31 | exponent + 127 << 23 | mantissa) >>> 0, buf, pos);
          }
        }
        exports2.writeFloatLE = writeFloat_ieee754.bind(null, writeUintLE);
        exports2.writeFloatBE = writeFloat_ieee754.bind(null, writeUintBE);
        function readFloat_ieee754(readUint, buf, pos) {
          var uint = readUint(buf, pos), sign = (uint >> 31) * 2 + 1, exponent = uint >>> 23 & 255, mantissa = uint & 8388607;
          return exponent === 255 ? mantissa ? NaN : sign * Infinity : exponent === 0 ? sign * 1401298464324817e-60 * mantissa : sign * Math.pow(2, exponent - 150) * (mantissa + 8388608);
        }
        exports2.readFloatLE = readFloat_ieee754.bind(null, readUintLE);
        exports2.readFloatBE = readFloat_ieee754.bind(null, readUintBE);
      })();
      if (typeof Float64Array !== "undefined") (function() {
        var f64 = new Float64Array([-0]), f8b = new Uint8Array(f64.buffer), le = f8b[7] === 128;
        function writeDouble_f64_cpy(val, buf, pos) {
          f64[0] = val;
          buf[pos] = f8b[0];
          buf[pos + 1] = f8b[1];
          buf[pos + 2] = f8b[2];
          buf[pos + 3] = f8b[3];
          buf[pos + 4] = f8b[4];
          buf[pos + 5] = f8b[5];
          buf[pos + 6] = f8b[6];
          buf[pos + 7] = f8b[7];
        }
        function writeDouble_f64_rev(val, buf, pos) {
          f64[0] = val;
          buf[pos] = f8b[7];
          buf[pos + 1] = f8b[6];
          buf[pos + 2] = f8b[5];
          buf[pos + 3] = f8b[4];
          buf[pos + 4] = f8b[3];
          buf[pos + 5] = f8b[2];
          buf[pos + 6] = f8b[1];
          buf[pos + 7] = f8b[0];
        }
        exports2.writeDoubleLE = le ? writeDouble_f64_cpy : writeDouble_f64_rev;
        exports2.writeDoubleBE = le ? writeDouble_f64_rev : writeDouble_f64_cpy;
        function readDouble_f64_cpy(buf, pos) {
          f8b[0] = buf[pos];
          f8b[1] = buf[pos + 1];
          f8b[2] = buf[pos + 2];
          f8b[3] = buf[pos + 3];
          f8b[4] = buf[pos + 4];
          f8b[5] = buf[pos + 5];
          f8b[6] = buf[pos + 6];
          f8b[7] = buf[pos + 7];
          return f64[0];
        }
        function readDouble_f64_rev(buf, pos) {
          f8b[7] = buf[pos];
          f8b[6] = buf[pos + 1];
          f8b[5] = buf[pos + 2];
          f8b[4] = buf[pos + 3];
          f8b[3] = buf[pos + 4];
          f8b[2] = buf[pos + 5];
          f8b[1] = buf[pos + 6];
          f8b[0] = buf[pos + 7];
          return f64[0];
        }
        exports2.readDoubleLE = le ? readDouble_f64_cpy : readDouble_f64_rev;
        exports2.readDoubleBE = le ? readDouble_f64_rev : readDouble_f64_cpy;
      })();
      else (function() {
        function writeDouble_ieee754(writeUint, off0, off1, val, buf, pos) {
          var sign = val < 0 ? 1 : 0;
          if (sign)
            val = -val;
          if (val === 0) {
            writeUint(0, buf, pos + off0);
            writeUint(1 / val > 0 ? (
              /* positive */
              0
            ) : (
              /* negative 0 */
              2147483648
            ), buf, pos + off1);
          } else if (isNaN(val)) {
            writeUint(0, buf, pos + off0);
            writeUint(2146959360, buf, pos + off1);
          } else if (val > 17976931348623157e292) {
            writeUint(0, buf, pos + off0);
            writeUint((sign << 31 | 2146435072) >>> 0, buf, pos + off1);
          } else {
            var mantissa;
            if (val < 22250738585072014e-324) {
              mantissa = val / 5e-324;
              writeUint(mantissa >>> 0, buf, pos + off0);
              writeUint((sign << 31 | mantissa / 4294967296) >>> 0, buf, pos + off1);
            } else {
              var exponent = Math.floor(Math.log(val) / Math.LN2);
              if (exponent === 1024)
                exponent = 1023;
              mantissa = val * Math.pow(2, -exponent);
              writeUint(mantissa * 4503599627370496 >>> 0, buf, pos + off0);
              writeUint((sign << 31 | exponent + 1023 << 20 | mantissa * 1048576 & 1048575) >>> 0, buf, pos + off1);
            }
          }
        }
        exports2.writeDoubleLE = writeDouble_ieee754.bind(null, writeUintLE, 0, 4);
        exports2.writeDoubleBE = writeDouble_ieee754.bind(null, writeUintBE, 4, 0);
        function readDouble_ieee754(readUint, off0, off1, buf, pos) {
          var lo = readUint(buf, pos + off0), hi = readUint(buf, pos + off1);
          var sign = (hi >> 31) * 2 + 1, exponent = hi >>> 20 & 2047, mantissa = 4294967296 * (hi & 1048575) + lo;
          return exponent === 2047 ? mantissa ? NaN : sign * Infinity : exponent === 0 ? sign * 5e-324 * mantissa : sign * Math.pow(2, exponent - 1075) * (mantissa + 4503599627370496);
        }
        exports2.readDoubleLE = readDouble_ieee754.bind(null, readUintLE, 0, 4);
        exports2.readDoubleBE = readDouble_ieee754.bind(null, readUintBE, 4, 0);
      })();
      return exports2;
    }
    function writeUintLE(val, buf, pos) {
      buf[pos] = val & 255;
      buf[pos + 1] = val >>> 8 & 255;
      buf[pos + 2] = val >>> 16 & 255;
      buf[pos + 3] = val >>> 24;
    }
    function writeUintBE(val, buf, pos) {
      buf[pos] = val >>> 24;
      buf[pos + 1] = val >>> 16 & 255;
      buf[pos + 2] = val >>> 8 & 255;
      buf[pos + 3] = val & 255;
    }
    function readUintLE(buf, pos) {
      return (buf[pos] | buf[pos + 1] << 8 | buf[pos + 2] << 16 | buf[pos + 3] << 24) >>> 0;
    }
    function readUintBE(buf, pos) {
      return (buf[pos] << 24 | buf[pos + 1] << 16 | buf[pos + 2] << 8 | buf[pos + 3]) >>> 0;
    }
  }
});

// node_modules/@protobufjs/inquire/index.js
var require_inquire = __commonJS({
  "node_modules/@protobufjs/inquire/index.js"(exports, module) {
    "use strict";
    module.exports = inquire;
    function inquire(moduleName) {
      try {
        if (typeof __require !== "function") {
          return null;
        }
        var mod = __require(moduleName);
        if (mod && (mod.length || Object.keys(mod).length)) return mod;
        return null;
      } catch (err) {
        return null;
      }
    }
  }
});

// node_modules/@protobufjs/utf8/index.js
var require_utf8 = __commonJS({
  "node_modules/@protobufjs/utf8/index.js"(exports) {
    "use strict";
    var utf8 = exports;
    var replacementCharCode = 65533;
    utf8.length = function utf8_length(string) {
      var len = 0, c = 0;
      for (var i = 0; i < string.length; ++i) {
        c = string.charCodeAt(i);
        if (c < 128)
          len += 1;
        else if (c < 2048)
          len += 2;
        else if ((c & 64512) === 55296 && (string.charCodeAt(i + 1) & 64512) === 56320) {
          ++i;
          len += 4;
        } else
          len += 3;
      }
      return len;
    };
    utf8.read = function utf8_read(buffer, start, end) {
      if (end - start < 1)
        return "";
      var parts = null, chunk = [], i = 0, t, t2, c2, c3;
      while (start < end) {
        t = buffer[start++];
        if (t <= 127) {
          chunk[i++] = t;
        } else if (t >= 192 && t < 224) {
          c2 = (t & 31) << 6 | buffer[start++] & 63;
          chunk[i++] = c2 >= 128 ? c2 : replacementCharCode;
        } else if (t >= 224 && t < 240) {
          c3 = (t & 15) << 12 | (buffer[start++] & 63) << 6 | buffer[start++] & 63;
          chunk[i++] = c3 >= 2048 ? c3 : replacementCharCode;
        } else if (t >= 240) {
          t2 = (t & 7) << 18 | (buffer[start++] & 63) << 12 | (buffer[start++] & 63) << 6 | buffer[start++] & 63;
          if (t2 < 65536 || t2 > 1114111)
            chunk[i++] = replacementCharCode;
          else {
            t2 -= 65536;
            chunk[i++] = 55296 + (t2 >> 10);
            chunk[i++] = 56320 + (t2 & 1023);
          }
        }
        if (i > 8191) {
          (parts || (parts = [])).push(String.fromCharCode.apply(String, chunk.slice(0, i)));
          i = 0;
        }
      }
      if (parts) {
        if (i)
          parts.push(String.fromCharCode.apply(String, chunk.slice(0, i)));
        return parts.join("");
      }
      return String.fromCharCode.apply(String, chunk.slice(0, i));
    };
    utf8.write = function utf8_write(string, buffer, offset) {
      var start = offset, c1, c2;
      for (var i = 0; i < string.length; ++i) {
        c1 = string.charCodeAt(i);
        if (c1 < 128) {
          buffer[offset++] = c1;
        } else if (c1 < 2048) {
          buffer[offset++] = c1 >> 6 | 192;
          buffer[offset++] = c1 & 63 | 128;
        } else if ((c1 & 64512) === 55296 && ((c2 = string.charCodeAt(i + 1)) & 64512) === 56320) {
          c1 = 65536 + ((c1 & 1023) << 10) + (c2 & 1023);
          ++i;
          buffer[offset++] = c1 >> 18 | 240;
          buffer[offset++] = c1 >> 12 & 63 | 128;
          buffer[offset++] = c1 >> 6 & 63 | 128;
          buffer[offset++] = c1 & 63 | 128;
        } else {
          buffer[offset++] = c1 >> 12 | 224;
          buffer[offset++] = c1 >> 6 & 63 | 128;
          buffer[offset++] = c1 & 63 | 128;
        }
      }
      return offset - start;
    };
  }
});

// node_modules/@protobufjs/pool/index.js
var require_pool = __commonJS({
  "node_modules/@protobufjs/pool/index.js"(exports, module) {
    "use strict";
    module.exports = pool;
    function pool(alloc, slice, size) {
      var SIZE = size || 8192;
      var MAX = SIZE >>> 1;
      var slab = null;
      var offset = SIZE;
      return function pool_alloc(size2) {
        if (size2 < 1 || size2 > MAX)
          return alloc(size2);
        if (offset + size2 > SIZE) {
          slab = alloc(SIZE);
          offset = 0;
        }
        var buf = slice.call(slab, offset, offset += size2);
        if (offset & 7)
          offset = (offset | 7) + 1;
        return buf;
      };
    }
  }
});

// node_modules/onnx-proto/node_modules/protobufjs/src/util/longbits.js
var require_longbits = __commonJS({
  "node_modules/onnx-proto/node_modules/protobufjs/src/util/longbits.js"(exports, module) {
    "use strict";
    module.exports = LongBits;
    var util = require_minimal();
    function LongBits(lo, hi) {
      this.lo = lo >>> 0;
      this.hi = hi >>> 0;
    }
    var zero = LongBits.zero = new LongBits(0, 0);
    zero.toNumber = function() {
      return 0;
    };
    zero.zzEncode = zero.zzDecode = function() {
      return this;
    };
    zero.length = function() {
      return 1;
    };
    var zeroHash = LongBits.zeroHash = "\0\0\0\0\0\0\0\0";
    LongBits.fromNumber = function fromNumber(value) {
      if (value === 0)
        return zero;
      var sign = value < 0;
      if (sign)
        value = -value;
      var lo = value >>> 0, hi = (value - lo) / 4294967296 >>> 0;
      if (sign) {
        hi = ~hi >>> 0;
        lo = ~lo >>> 0;
        if (++lo > 4294967295) {
          lo = 0;
          if (++hi > 4294967295)
            hi = 0;
        }
      }
      return new LongBits(lo, hi);
    };
    LongBits.from = function from(value) {
      if (typeof value === "number")
        return LongBits.fromNumber(value);
      if (util.isString(value)) {
        if (util.Long)
          value = util.Long.fromString(value);
        else
          return LongBits.fromNumber(parseInt(value, 10));
      }
      return value.low || value.high ? new LongBits(value.low >>> 0, value.high >>> 0) : zero;
    };
    LongBits.prototype.toNumber = function toNumber2(unsigned) {
      if (!unsigned && this.hi >>> 31) {
        var lo = ~this.lo + 1 >>> 0, hi = ~this.hi >>> 0;
        if (!lo)
          hi = hi + 1 >>> 0;
        return -(lo + hi * 4294967296);
      }
      return this.lo + this.hi * 4294967296;
    };
    LongBits.prototype.toLong = function toLong(unsigned) {
      return util.Long ? new util.Long(this.lo | 0, this.hi | 0, Boolean(unsigned)) : { low: this.lo | 0, high: this.hi | 0, unsigned: Boolean(unsigned) };
    };
    var charCodeAt = String.prototype.charCodeAt;
    LongBits.fromHash = function fromHash(hash) {
      if (hash === zeroHash)
        return zero;
      return new LongBits(
        (charCodeAt.call(hash, 0) | charCodeAt.call(hash, 1) << 8 | charCodeAt.call(hash, 2) << 16 | charCodeAt.call(hash, 3) << 24) >>> 0,
        (charCodeAt.call(hash, 4) | charCodeAt.call(hash, 5) << 8 | charCodeAt.call(hash, 6) << 16 | charCodeAt.call(hash, 7) << 24) >>> 0
      );
    };
    LongBits.prototype.toHash = function toHash() {
      return String.fromCharCode(
        this.lo & 255,
        this.lo >>> 8 & 255,
        this.lo >>> 16 & 255,
        this.lo >>> 24,
        this.hi & 255,
        this.hi >>> 8 & 255,
        this.hi >>> 16 & 255,
        this.hi >>> 24
      );
    };
    LongBits.prototype.zzEncode = function zzEncode() {
      var mask = this.hi >> 31;
      this.hi = ((this.hi << 1 | this.lo >>> 31) ^ mask) >>> 0;
      this.lo = (this.lo << 1 ^ mask) >>> 0;
      return this;
    };
    LongBits.prototype.zzDecode = function zzDecode() {
      var mask = -(this.lo & 1);
      this.lo = ((this.lo >>> 1 | this.hi << 31) ^ mask) >>> 0;
      this.hi = (this.hi >>> 1 ^ mask) >>> 0;
      return this;
    };
    LongBits.prototype.length = function length() {
      var part0 = this.lo, part1 = (this.lo >>> 28 | this.hi << 4) >>> 0, part2 = this.hi >>> 24;
      return part2 === 0 ? part1 === 0 ? part0 < 16384 ? part0 < 128 ? 1 : 2 : part0 < 2097152 ? 3 : 4 : part1 < 16384 ? part1 < 128 ? 5 : 6 : part1 < 2097152 ? 7 : 8 : part2 < 128 ? 9 : 10;
    };
  }
});

// node_modules/onnx-proto/node_modules/protobufjs/src/util/minimal.js
var require_minimal = __commonJS({
  "node_modules/onnx-proto/node_modules/protobufjs/src/util/minimal.js"(exports) {
    "use strict";
    var util = exports;
    util.asPromise = require_aspromise();
    util.base64 = require_base64();
    util.EventEmitter = require_eventemitter();
    util.float = require_float();
    util.inquire = require_inquire();
    util.utf8 = require_utf8();
    util.pool = require_pool();
    util.LongBits = require_longbits();
    util.isNode = Boolean(typeof global !== "undefined" && global && global.process && global.process.versions && global.process.versions.node);
    util.global = util.isNode && global || typeof window !== "undefined" && window || typeof self !== "undefined" && self || exports;
    util.emptyArray = Object.freeze ? Object.freeze([]) : (
      /* istanbul ignore next */
      []
    );
    util.emptyObject = Object.freeze ? Object.freeze({}) : (
      /* istanbul ignore next */
      {}
    );
    util.isInteger = Number.isInteger || /* istanbul ignore next */
    function isInteger(value) {
      return typeof value === "number" && isFinite(value) && Math.floor(value) === value;
    };
    util.isString = function isString(value) {
      return typeof value === "string" || value instanceof String;
    };
    util.isObject = function isObject2(value) {
      return value && typeof value === "object";
    };
    util.isset = /**
     * Checks if a property on a message is considered to be present.
     * @param {Object} obj Plain object or message instance
     * @param {string} prop Property name
     * @returns {boolean} `true` if considered to be present, otherwise `false`
     */
    util.isSet = function isSet(obj, prop) {
      var value = obj[prop];
      if (value != null && obj.hasOwnProperty(prop))
        return typeof value !== "object" || (Array.isArray(value) ? value.length : Object.keys(value).length) > 0;
      return false;
    };
    util.Buffer = (function() {
      try {
        var Buffer2 = util.inquire("buffer").Buffer;
        return Buffer2.prototype.utf8Write ? Buffer2 : (
          /* istanbul ignore next */
          null
        );
      } catch (e) {
        return null;
      }
    })();
    util._Buffer_from = null;
    util._Buffer_allocUnsafe = null;
    util.newBuffer = function newBuffer(sizeOrArray) {
      return typeof sizeOrArray === "number" ? util.Buffer ? util._Buffer_allocUnsafe(sizeOrArray) : new util.Array(sizeOrArray) : util.Buffer ? util._Buffer_from(sizeOrArray) : typeof Uint8Array === "undefined" ? sizeOrArray : new Uint8Array(sizeOrArray);
    };
    util.Array = typeof Uint8Array !== "undefined" ? Uint8Array : Array;
    util.Long = /* istanbul ignore next */
    util.global.dcodeIO && /* istanbul ignore next */
    util.global.dcodeIO.Long || /* istanbul ignore next */
    util.global.Long || util.inquire("long");
    util.key2Re = /^true|false|0|1$/;
    util.key32Re = /^-?(?:0|[1-9][0-9]*)$/;
    util.key64Re = /^(?:[\\x00-\\xff]{8}|-?(?:0|[1-9][0-9]*))$/;
    util.longToHash = function longToHash(value) {
      return value ? util.LongBits.from(value).toHash() : util.LongBits.zeroHash;
    };
    util.longFromHash = function longFromHash(hash, unsigned) {
      var bits = util.LongBits.fromHash(hash);
      if (util.Long)
        return util.Long.fromBits(bits.lo, bits.hi, unsigned);
      return bits.toNumber(Boolean(unsigned));
    };
    function merge(dst, src, ifNotSet) {
      for (var keys = Object.keys(src), i = 0; i < keys.length; ++i)
        if (dst[keys[i]] === void 0 || !ifNotSet)
          dst[keys[i]] = src[keys[i]];
      return dst;
    }
    util.merge = merge;
    util.lcFirst = function lcFirst(str) {
      return str.charAt(0).toLowerCase() + str.substring(1);
    };
    function newError(name) {
      function CustomError(message, properties) {
        if (!(this instanceof CustomError))
          return new CustomError(message, properties);
        Object.defineProperty(this, "message", { get: function() {
          return message;
        } });
        if (Error.captureStackTrace)
          Error.captureStackTrace(this, CustomError);
        else
          Object.defineProperty(this, "stack", { value: new Error().stack || "" });
        if (properties)
          merge(this, properties);
      }
      (CustomError.prototype = Object.create(Error.prototype)).constructor = CustomError;
      Object.defineProperty(CustomError.prototype, "name", { get: function() {
        return name;
      } });
      CustomError.prototype.toString = function toString() {
        return this.name + ": " + this.message;
      };
      return CustomError;
    }
    util.newError = newError;
    util.ProtocolError = newError("ProtocolError");
    util.oneOfGetter = function getOneOf(fieldNames) {
      var fieldMap = {};
      for (var i = 0; i < fieldNames.length; ++i)
        fieldMap[fieldNames[i]] = 1;
      return function() {
        for (var keys = Object.keys(this), i2 = keys.length - 1; i2 > -1; --i2)
          if (fieldMap[keys[i2]] === 1 && this[keys[i2]] !== void 0 && this[keys[i2]] !== null)
            return keys[i2];
      };
    };
    util.oneOfSetter = function setOneOf(fieldNames) {
      return function(name) {
        for (var i = 0; i < fieldNames.length; ++i)
          if (fieldNames[i] !== name)
            delete this[fieldNames[i]];
      };
    };
    util.toJSONOptions = {
      longs: String,
      enums: String,
      bytes: String,
      json: true
    };
    util._configure = function() {
      var Buffer2 = util.Buffer;
      if (!Buffer2) {
        util._Buffer_from = util._Buffer_allocUnsafe = null;
        return;
      }
      util._Buffer_from = Buffer2.from !== Uint8Array.from && Buffer2.from || /* istanbul ignore next */
      function Buffer_from(value, encoding) {
        return new Buffer2(value, encoding);
      };
      util._Buffer_allocUnsafe = Buffer2.allocUnsafe || /* istanbul ignore next */
      function Buffer_allocUnsafe(size) {
        return new Buffer2(size);
      };
    };
  }
});

// node_modules/onnx-proto/node_modules/protobufjs/src/writer.js
var require_writer = __commonJS({
  "node_modules/onnx-proto/node_modules/protobufjs/src/writer.js"(exports, module) {
    "use strict";
    module.exports = Writer;
    var util = require_minimal();
    var BufferWriter;
    var LongBits = util.LongBits;
    var base64 = util.base64;
    var utf8 = util.utf8;
    function Op(fn, len, val) {
      this.fn = fn;
      this.len = len;
      this.next = void 0;
      this.val = val;
    }
    function noop() {
    }
    function State(writer) {
      this.head = writer.head;
      this.tail = writer.tail;
      this.len = writer.len;
      this.next = writer.states;
    }
    function Writer() {
      this.len = 0;
      this.head = new Op(noop, 0, 0);
      this.tail = this.head;
      this.states = null;
    }
    var create = function create2() {
      return util.Buffer ? function create_buffer_setup() {
        return (Writer.create = function create_buffer() {
          return new BufferWriter();
        })();
      } : function create_array() {
        return new Writer();
      };
    };
    Writer.create = create();
    Writer.alloc = function alloc(size) {
      return new util.Array(size);
    };
    if (util.Array !== Array)
      Writer.alloc = util.pool(Writer.alloc, util.Array.prototype.subarray);
    Writer.prototype._push = function push(fn, len, val) {
      this.tail = this.tail.next = new Op(fn, len, val);
      this.len += len;
      return this;
    };
    function writeByte(val, buf, pos) {
      buf[pos] = val & 255;
    }
    function writeVarint32(val, buf, pos) {
      while (val > 127) {
        buf[pos++] = val & 127 | 128;
        val >>>= 7;
      }
      buf[pos] = val;
    }
    function VarintOp(len, val) {
      this.len = len;
      this.next = void 0;
      this.val = val;
    }
    VarintOp.prototype = Object.create(Op.prototype);
    VarintOp.prototype.fn = writeVarint32;
    Writer.prototype.uint32 = function write_uint32(value) {
      this.len += (this.tail = this.tail.next = new VarintOp(
        (value = value >>> 0) < 128 ? 1 : value < 16384 ? 2 : value < 2097152 ? 3 : value < 268435456 ? 4 : 5,
        value
      )).len;
      return this;
    };
    Writer.prototype.int32 = function write_int32(value) {
      return value < 0 ? this._push(writeVarint64, 10, LongBits.fromNumber(value)) : this.uint32(value);
    };
    Writer.prototype.sint32 = function write_sint32(value) {
      return this.uint32((value << 1 ^ value >> 31) >>> 0);
    };
    function writeVarint64(val, buf, pos) {
      while (val.hi) {
        buf[pos++] = val.lo & 127 | 128;
        val.lo = (val.lo >>> 7 | val.hi << 25) >>> 0;
        val.hi >>>= 7;
      }
      while (val.lo > 127) {
        buf[pos++] = val.lo & 127 | 128;
        val.lo = val.lo >>> 7;
      }
      buf[pos++] = val.lo;
    }
    Writer.prototype.uint64 = function write_uint64(value) {
      var bits = LongBits.from(value);
      return this._push(writeVarint64, bits.length(), bits);
    };
    Writer.prototype.int64 = Writer.prototype.uint64;
    Writer.prototype.sint64 = function write_sint64(value) {
      var bits = LongBits.from(value).zzEncode();
      return this._push(writeVarint64, bits.length(), bits);
    };
    Writer.prototype.bool = function write_bool(value) {
      return this._push(writeByte, 1, value ? 1 : 0);
    };
    function writeFixed32(val, buf, pos) {
      buf[pos] = val & 255;
      buf[pos + 1] = val >>> 8 & 255;
      buf[pos + 2] = val >>> 16 & 255;
      buf[pos + 3] = val >>> 24;
    }
    Writer.prototype.fixed32 = function write_fixed32(value) {
      return this._push(writeFixed32, 4, value >>> 0);
    };
    Writer.prototype.sfixed32 = Writer.prototype.fixed32;
    Writer.prototype.fixed64 = function write_fixed64(value) {
      var bits = LongBits.from(value);
      return this._push(writeFixed32, 4, bits.lo)._push(writeFixed32, 4, bits.hi);
    };
    Writer.prototype.sfixed64 = Writer.prototype.fixed64;
    Writer.prototype.float = function write_float(value) {
      return this._push(util.float.writeFloatLE, 4, value);
    };
    Writer.prototype.double = function write_double(value) {
      return this._push(util.float.writeDoubleLE, 8, value);
    };
    var writeBytes = util.Array.prototype.set ? function writeBytes_set(val, buf, pos) {
      buf.set(val, pos);
    } : function writeBytes_for(val, buf, pos) {
      for (var i = 0; i < val.length; ++i)
        buf[pos + i] = val[i];
    };
    Writer.prototype.bytes = function write_bytes(value) {
      var len = value.length >>> 0;
      if (!len)
        return this._push(writeByte, 1, 0);
      if (util.isString(value)) {
        var buf = Writer.alloc(len = base64.length(value));
        base64.decode(value, buf, 0);
        value = buf;
      }
      return this.uint32(len)._push(writeBytes, len, value);
    };
    Writer.prototype.string = function write_string(value) {
      var len = utf8.length(value);
      return len ? this.uint32(len)._push(utf8.write, len, value) : this._push(writeByte, 1, 0);
    };
    Writer.prototype.fork = function fork() {
      this.states = new State(this);
      this.head = this.tail = new Op(noop, 0, 0);
      this.len = 0;
      return this;
    };
    Writer.prototype.reset = function reset() {
      if (this.states) {
        this.head = this.states.head;
        this.tail = this.states.tail;
        this.len = this.states.len;
        this.states = this.states.next;
      } else {
        this.head = this.tail = new Op(noop, 0, 0);
        this.len = 0;
      }
      return this;
    };
    Writer.prototype.ldelim = function ldelim() {
      var head = this.head, tail = this.tail, len = this.len;
      this.reset().uint32(len);
      if (len) {
        this.tail.next = head.next;
        this.tail = tail;
        this.len += len;
      }
      return this;
    };
    Writer.prototype.finish = function finish() {
      var head = this.head.next, buf = this.constructor.alloc(this.len), pos = 0;
      while (head) {
        head.fn(head.val, buf, pos);
        pos += head.len;
        head = head.next;
      }
      return buf;
    };
    Writer._configure = function(BufferWriter_) {
      BufferWriter = BufferWriter_;
      Writer.create = create();
      BufferWriter._configure();
    };
  }
});

// node_modules/onnx-proto/node_modules/protobufjs/src/writer_buffer.js
var require_writer_buffer = __commonJS({
  "node_modules/onnx-proto/node_modules/protobufjs/src/writer_buffer.js"(exports, module) {
    "use strict";
    module.exports = BufferWriter;
    var Writer = require_writer();
    (BufferWriter.prototype = Object.create(Writer.prototype)).constructor = BufferWriter;
    var util = require_minimal();
    function BufferWriter() {
      Writer.call(this);
    }
    BufferWriter._configure = function() {
      BufferWriter.alloc = util._Buffer_allocUnsafe;
      BufferWriter.writeBytesBuffer = util.Buffer && util.Buffer.prototype instanceof Uint8Array && util.Buffer.prototype.set.name === "set" ? function writeBytesBuffer_set(val, buf, pos) {
        buf.set(val, pos);
      } : function writeBytesBuffer_copy(val, buf, pos) {
        if (val.copy)
          val.copy(buf, pos, 0, val.length);
        else for (var i = 0; i < val.length; )
          buf[pos++] = val[i++];
      };
    };
    BufferWriter.prototype.bytes = function write_bytes_buffer(value) {
      if (util.isString(value))
        value = util._Buffer_from(value, "base64");
      var len = value.length >>> 0;
      this.uint32(len);
      if (len)
        this._push(BufferWriter.writeBytesBuffer, len, value);
      return this;
    };
    function writeStringBuffer(val, buf, pos) {
      if (val.length < 40)
        util.utf8.write(val, buf, pos);
      else if (buf.utf8Write)
        buf.utf8Write(val, pos);
      else
        buf.write(val, pos);
    }
    BufferWriter.prototype.string = function write_string_buffer(value) {
      var len = util.Buffer.byteLength(value);
      this.uint32(len);
      if (len)
        this._push(writeStringBuffer, len, value);
      return this;
    };
    BufferWriter._configure();
  }
});

// node_modules/onnx-proto/node_modules/protobufjs/src/reader.js
var require_reader = __commonJS({
  "node_modules/onnx-proto/node_modules/protobufjs/src/reader.js"(exports, module) {
    "use strict";
    module.exports = Reader;
    var util = require_minimal();
    var BufferReader;
    var LongBits = util.LongBits;
    var utf8 = util.utf8;
    function indexOutOfRange(reader, writeLength) {
      return RangeError("index out of range: " + reader.pos + " + " + (writeLength || 1) + " > " + reader.len);
    }
    function Reader(buffer) {
      this.buf = buffer;
      this.pos = 0;
      this.len = buffer.length;
    }
    var create_array = typeof Uint8Array !== "undefined" ? function create_typed_array(buffer) {
      if (buffer instanceof Uint8Array || Array.isArray(buffer))
        return new Reader(buffer);
      throw Error("illegal buffer");
    } : function create_array2(buffer) {
      if (Array.isArray(buffer))
        return new Reader(buffer);
      throw Error("illegal buffer");
    };
    var create = function create2() {
      return util.Buffer ? function create_buffer_setup(buffer) {
        return (Reader.create = function create_buffer(buffer2) {
          return util.Buffer.isBuffer(buffer2) ? new BufferReader(buffer2) : create_array(buffer2);
        })(buffer);
      } : create_array;
    };
    Reader.create = create();
    Reader.prototype._slice = util.Array.prototype.subarray || /* istanbul ignore next */
    util.Array.prototype.slice;
    Reader.prototype.uint32 = /* @__PURE__ */ (function read_uint32_setup() {
      var value = 4294967295;
      return function read_uint32() {
        value = (this.buf[this.pos] & 127) >>> 0;
        if (this.buf[this.pos++] < 128) return value;
        value = (value | (this.buf[this.pos] & 127) << 7) >>> 0;
        if (this.buf[this.pos++] < 128) return value;
        value = (value | (this.buf[this.pos] & 127) << 14) >>> 0;
        if (this.buf[this.pos++] < 128) return value;
        value = (value | (this.buf[this.pos] & 127) << 21) >>> 0;
        if (this.buf[this.pos++] < 128) return value;
        value = (value | (this.buf[this.pos] & 15) << 28) >>> 0;
        if (this.buf[this.pos++] < 128) return value;
        if ((this.pos += 5) > this.len) {
          this.pos = this.len;
          throw indexOutOfRange(this, 10);
        }
        return value;
      };
    })();
    Reader.prototype.int32 = function read_int32() {
      return this.uint32() | 0;
    };
    Reader.prototype.sint32 = function read_sint32() {
      var value = this.uint32();
      return value >>> 1 ^ -(value & 1) | 0;
    };
    function readLongVarint() {
      var bits = new LongBits(0, 0);
      var i = 0;
      if (this.len - this.pos > 4) {
        for (; i < 4; ++i) {
          bits.lo = (bits.lo | (this.buf[this.pos] & 127) << i * 7) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
        bits.lo = (bits.lo | (this.buf[this.pos] & 127) << 28) >>> 0;
        bits.hi = (bits.hi | (this.buf[this.pos] & 127) >> 4) >>> 0;
        if (this.buf[this.pos++] < 128)
          return bits;
        i = 0;
      } else {
        for (; i < 3; ++i) {
          if (this.pos >= this.len)
            throw indexOutOfRange(this);
          bits.lo = (bits.lo | (this.buf[this.pos] & 127) << i * 7) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
        bits.lo = (bits.lo | (this.buf[this.pos++] & 127) << i * 7) >>> 0;
        return bits;
      }
      if (this.len - this.pos > 4) {
        for (; i < 5; ++i) {
          bits.hi = (bits.hi | (this.buf[this.pos] & 127) << i * 7 + 3) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
      } else {
        for (; i < 5; ++i) {
          if (this.pos >= this.len)
            throw indexOutOfRange(this);
          bits.hi = (bits.hi | (this.buf[this.pos] & 127) << i * 7 + 3) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
      }
      throw Error("invalid varint encoding");
    }
    Reader.prototype.bool = function read_bool() {
      return this.uint32() !== 0;
    };
    function readFixed32_end(buf, end) {
      return (buf[end - 4] | buf[end - 3] << 8 | buf[end - 2] << 16 | buf[end - 1] << 24) >>> 0;
    }
    Reader.prototype.fixed32 = function read_fixed32() {
      if (this.pos + 4 > this.len)
        throw indexOutOfRange(this, 4);
      return readFixed32_end(this.buf, this.pos += 4);
    };
    Reader.prototype.sfixed32 = function read_sfixed32() {
      if (this.pos + 4 > this.len)
        throw indexOutOfRange(this, 4);
      return readFixed32_end(this.buf, this.pos += 4) | 0;
    };
    function readFixed64() {
      if (this.pos + 8 > this.len)
        throw indexOutOfRange(this, 8);
      return new LongBits(readFixed32_end(this.buf, this.pos += 4), readFixed32_end(this.buf, this.pos += 4));
    }
    Reader.prototype.float = function read_float() {
      if (this.pos + 4 > this.len)
        throw indexOutOfRange(this, 4);
      var value = util.float.readFloatLE(this.buf, this.pos);
      this.pos += 4;
      return value;
    };
    Reader.prototype.double = function read_double() {
      if (this.pos + 8 > this.len)
        throw indexOutOfRange(this, 4);
      var value = util.float.readDoubleLE(this.buf, this.pos);
      this.pos += 8;
      return value;
    };
    Reader.prototype.bytes = function read_bytes() {
      var length = this.uint32(), start = this.pos, end = this.pos + length;
      if (end > this.len)
        throw indexOutOfRange(this, length);
      this.pos += length;
      if (Array.isArray(this.buf))
        return this.buf.slice(start, end);
      return start === end ? new this.buf.constructor(0) : this._slice.call(this.buf, start, end);
    };
    Reader.prototype.string = function read_string() {
      var bytes = this.bytes();
      return utf8.read(bytes, 0, bytes.length);
    };
    Reader.prototype.skip = function skip(length) {
      if (typeof length === "number") {
        if (this.pos + length > this.len)
          throw indexOutOfRange(this, length);
        this.pos += length;
      } else {
        do {
          if (this.pos >= this.len)
            throw indexOutOfRange(this);
        } while (this.buf[this.pos++] & 128);
      }
      return this;
    };
    Reader.prototype.skipType = function(wireType) {
      switch (wireType) {
        case 0:
          this.skip();
          break;
        case 1:
          this.skip(8);
          break;
        case 2:
          this.skip(this.uint32());
          break;
        case 3:
          while ((wireType = this.uint32() & 7) !== 4) {
            this.skipType(wireType);
          }
          break;
        case 5:
          this.skip(4);
          break;
        /* istanbul ignore next */
        default:
          throw Error("invalid wire type " + wireType + " at offset " + this.pos);
      }
      return this;
    };
    Reader._configure = function(BufferReader_) {
      BufferReader = BufferReader_;
      Reader.create = create();
      BufferReader._configure();
      var fn = util.Long ? "toLong" : (
        /* istanbul ignore next */
        "toNumber"
      );
      util.merge(Reader.prototype, {
        int64: function read_int64() {
          return readLongVarint.call(this)[fn](false);
        },
        uint64: function read_uint64() {
          return readLongVarint.call(this)[fn](true);
        },
        sint64: function read_sint64() {
          return readLongVarint.call(this).zzDecode()[fn](false);
        },
        fixed64: function read_fixed64() {
          return readFixed64.call(this)[fn](true);
        },
        sfixed64: function read_sfixed64() {
          return readFixed64.call(this)[fn](false);
        }
      });
    };
  }
});

// node_modules/onnx-proto/node_modules/protobufjs/src/reader_buffer.js
var require_reader_buffer = __commonJS({
  "node_modules/onnx-proto/node_modules/protobufjs/src/reader_buffer.js"(exports, module) {
    "use strict";
    module.exports = BufferReader;
    var Reader = require_reader();
    (BufferReader.prototype = Object.create(Reader.prototype)).constructor = BufferReader;
    var util = require_minimal();
    function BufferReader(buffer) {
      Reader.call(this, buffer);
    }
    BufferReader._configure = function() {
      if (util.Buffer)
        BufferReader.prototype._slice = util.Buffer.prototype.slice;
    };
    BufferReader.prototype.string = function read_string_buffer() {
      var len = this.uint32();
      return this.buf.utf8Slice ? this.buf.utf8Slice(this.pos, this.pos = Math.min(this.pos + len, this.len)) : this.buf.toString("utf-8", this.pos, this.pos = Math.min(this.pos + len, this.len));
    };
    BufferReader._configure();
  }
});

// node_modules/onnx-proto/node_modules/protobufjs/src/rpc/service.js
var require_service = __commonJS({
  "node_modules/onnx-proto/node_modules/protobufjs/src/rpc/service.js"(exports, module) {
    "use strict";
    module.exports = Service;
    var util = require_minimal();
    (Service.prototype = Object.create(util.EventEmitter.prototype)).constructor = Service;
    function Service(rpcImpl, requestDelimited, responseDelimited) {
      if (typeof rpcImpl !== "function")
        throw TypeError("rpcImpl must be a function");
      util.EventEmitter.call(this);
      this.rpcImpl = rpcImpl;
      this.requestDelimited = Boolean(requestDelimited);
      this.responseDelimited = Boolean(responseDelimited);
    }
    Service.prototype.rpcCall = function rpcCall(method, requestCtor, responseCtor, request, callback) {
      if (!request)
        throw TypeError("request must be specified");
      var self2 = this;
      if (!callback)
        return util.asPromise(rpcCall, self2, method, requestCtor, responseCtor, request);
      if (!self2.rpcImpl) {
        setTimeout(function() {
          callback(Error("already ended"));
        }, 0);
        return void 0;
      }
      try {
        return self2.rpcImpl(
          method,
          requestCtor[self2.requestDelimited ? "encodeDelimited" : "encode"](request).finish(),
          function rpcCallback(err, response) {
            if (err) {
              self2.emit("error", err, method);
              return callback(err);
            }
            if (response === null) {
              self2.end(
                /* endedByRPC */
                true
              );
              return void 0;
            }
            if (!(response instanceof responseCtor)) {
              try {
                response = responseCtor[self2.responseDelimited ? "decodeDelimited" : "decode"](response);
              } catch (err2) {
                self2.emit("error", err2, method);
                return callback(err2);
              }
            }
            self2.emit("data", response, method);
            return callback(null, response);
          }
        );
      } catch (err) {
        self2.emit("error", err, method);
        setTimeout(function() {
          callback(err);
        }, 0);
        return void 0;
      }
    };
    Service.prototype.end = function end(endedByRPC) {
      if (this.rpcImpl) {
        if (!endedByRPC)
          this.rpcImpl(null, null, null);
        this.rpcImpl = null;
        this.emit("end").off();
      }
      return this;
    };
  }
});

// node_modules/onnx-proto/node_modules/protobufjs/src/rpc.js
var require_rpc = __commonJS({
  "node_modules/onnx-proto/node_modules/protobufjs/src/rpc.js"(exports) {
    "use strict";
    var rpc = exports;
    rpc.Service = require_service();
  }
});

// node_modules/onnx-proto/node_modules/protobufjs/src/roots.js
var require_roots = __commonJS({
  "node_modules/onnx-proto/node_modules/protobufjs/src/roots.js"(exports, module) {
    "use strict";
    module.exports = {};
  }
});

// node_modules/onnx-proto/node_modules/protobufjs/src/index-minimal.js
var require_index_minimal = __commonJS({
  "node_modules/onnx-proto/node_modules/protobufjs/src/index-minimal.js"(exports) {
    "use strict";
    var protobuf = exports;
    protobuf.build = "minimal";
    protobuf.Writer = require_writer();
    protobuf.BufferWriter = require_writer_buffer();
    protobuf.Reader = require_reader();
    protobuf.BufferReader = require_reader_buffer();
    protobuf.util = require_minimal();
    protobuf.rpc = require_rpc();
    protobuf.roots = require_roots();
    protobuf.configure = configure;
    function configure() {
      protobuf.util._configure();
      protobuf.Writer._configure(protobuf.BufferWriter);
      protobuf.Reader._configure(protobuf.BufferReader);
    }
    configure();
  }
});

// node_modules/onnx-proto/node_modules/protobufjs/minimal.js
var require_minimal2 = __commonJS({
  "node_modules/onnx-proto/node_modules/protobufjs/minimal.js"(exports, module) {
    "use strict";
    module.exports = require_index_minimal();
  }
});

// node_modules/onnx-proto/dist/onnx.js
var require_onnx = __commonJS({
  "node_modules/onnx-proto/dist/onnx.js"(exports, module) {
    "use strict";
    var $protobuf = require_minimal2();
    var $Reader = $protobuf.Reader;
    var $Writer = $protobuf.Writer;
    var $util = $protobuf.util;
    var $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});
    $root.onnx = (function() {
      var onnx2 = {};
      onnx2.Version = (function() {
        var valuesById = {}, values = Object.create(valuesById);
        values[valuesById[0] = "_START_VERSION"] = 0;
        values[valuesById[1] = "IR_VERSION_2017_10_10"] = 1;
        values[valuesById[2] = "IR_VERSION_2017_10_30"] = 2;
        values[valuesById[3] = "IR_VERSION_2017_11_3"] = 3;
        values[valuesById[4] = "IR_VERSION_2019_1_22"] = 4;
        values[valuesById[5] = "IR_VERSION_2019_3_18"] = 5;
        values[valuesById[6] = "IR_VERSION_2019_9_19"] = 6;
        values[valuesById[7] = "IR_VERSION_2020_5_8"] = 7;
        values[valuesById[8] = "IR_VERSION"] = 8;
        return values;
      })();
      onnx2.AttributeProto = (function() {
        function AttributeProto(properties) {
          this.floats = [];
          this.ints = [];
          this.strings = [];
          this.tensors = [];
          this.graphs = [];
          this.sparseTensors = [];
          this.typeProtos = [];
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        AttributeProto.prototype.name = "";
        AttributeProto.prototype.refAttrName = "";
        AttributeProto.prototype.docString = "";
        AttributeProto.prototype.type = 0;
        AttributeProto.prototype.f = 0;
        AttributeProto.prototype.i = $util.Long ? $util.Long.fromBits(0, 0, false) : 0;
        AttributeProto.prototype.s = $util.newBuffer([]);
        AttributeProto.prototype.t = null;
        AttributeProto.prototype.g = null;
        AttributeProto.prototype.sparseTensor = null;
        AttributeProto.prototype.tp = null;
        AttributeProto.prototype.floats = $util.emptyArray;
        AttributeProto.prototype.ints = $util.emptyArray;
        AttributeProto.prototype.strings = $util.emptyArray;
        AttributeProto.prototype.tensors = $util.emptyArray;
        AttributeProto.prototype.graphs = $util.emptyArray;
        AttributeProto.prototype.sparseTensors = $util.emptyArray;
        AttributeProto.prototype.typeProtos = $util.emptyArray;
        AttributeProto.create = function create(properties) {
          return new AttributeProto(properties);
        };
        AttributeProto.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.name != null && Object.hasOwnProperty.call(message, "name"))
            writer.uint32(
              /* id 1, wireType 2 =*/
              10
            ).string(message.name);
          if (message.f != null && Object.hasOwnProperty.call(message, "f"))
            writer.uint32(
              /* id 2, wireType 5 =*/
              21
            ).float(message.f);
          if (message.i != null && Object.hasOwnProperty.call(message, "i"))
            writer.uint32(
              /* id 3, wireType 0 =*/
              24
            ).int64(message.i);
          if (message.s != null && Object.hasOwnProperty.call(message, "s"))
            writer.uint32(
              /* id 4, wireType 2 =*/
              34
            ).bytes(message.s);
          if (message.t != null && Object.hasOwnProperty.call(message, "t"))
            $root.onnx.TensorProto.encode(message.t, writer.uint32(
              /* id 5, wireType 2 =*/
              42
            ).fork()).ldelim();
          if (message.g != null && Object.hasOwnProperty.call(message, "g"))
            $root.onnx.GraphProto.encode(message.g, writer.uint32(
              /* id 6, wireType 2 =*/
              50
            ).fork()).ldelim();
          if (message.floats != null && message.floats.length) {
            writer.uint32(
              /* id 7, wireType 2 =*/
              58
            ).fork();
            for (var i = 0; i < message.floats.length; ++i)
              writer.float(message.floats[i]);
            writer.ldelim();
          }
          if (message.ints != null && message.ints.length) {
            writer.uint32(
              /* id 8, wireType 2 =*/
              66
            ).fork();
            for (var i = 0; i < message.ints.length; ++i)
              writer.int64(message.ints[i]);
            writer.ldelim();
          }
          if (message.strings != null && message.strings.length)
            for (var i = 0; i < message.strings.length; ++i)
              writer.uint32(
                /* id 9, wireType 2 =*/
                74
              ).bytes(message.strings[i]);
          if (message.tensors != null && message.tensors.length)
            for (var i = 0; i < message.tensors.length; ++i)
              $root.onnx.TensorProto.encode(message.tensors[i], writer.uint32(
                /* id 10, wireType 2 =*/
                82
              ).fork()).ldelim();
          if (message.graphs != null && message.graphs.length)
            for (var i = 0; i < message.graphs.length; ++i)
              $root.onnx.GraphProto.encode(message.graphs[i], writer.uint32(
                /* id 11, wireType 2 =*/
                90
              ).fork()).ldelim();
          if (message.docString != null && Object.hasOwnProperty.call(message, "docString"))
            writer.uint32(
              /* id 13, wireType 2 =*/
              106
            ).string(message.docString);
          if (message.tp != null && Object.hasOwnProperty.call(message, "tp"))
            $root.onnx.TypeProto.encode(message.tp, writer.uint32(
              /* id 14, wireType 2 =*/
              114
            ).fork()).ldelim();
          if (message.typeProtos != null && message.typeProtos.length)
            for (var i = 0; i < message.typeProtos.length; ++i)
              $root.onnx.TypeProto.encode(message.typeProtos[i], writer.uint32(
                /* id 15, wireType 2 =*/
                122
              ).fork()).ldelim();
          if (message.type != null && Object.hasOwnProperty.call(message, "type"))
            writer.uint32(
              /* id 20, wireType 0 =*/
              160
            ).int32(message.type);
          if (message.refAttrName != null && Object.hasOwnProperty.call(message, "refAttrName"))
            writer.uint32(
              /* id 21, wireType 2 =*/
              170
            ).string(message.refAttrName);
          if (message.sparseTensor != null && Object.hasOwnProperty.call(message, "sparseTensor"))
            $root.onnx.SparseTensorProto.encode(message.sparseTensor, writer.uint32(
              /* id 22, wireType 2 =*/
              178
            ).fork()).ldelim();
          if (message.sparseTensors != null && message.sparseTensors.length)
            for (var i = 0; i < message.sparseTensors.length; ++i)
              $root.onnx.SparseTensorProto.encode(message.sparseTensors[i], writer.uint32(
                /* id 23, wireType 2 =*/
                186
              ).fork()).ldelim();
          return writer;
        };
        AttributeProto.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        AttributeProto.decode = function decode(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.AttributeProto();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                message.name = reader.string();
                break;
              case 21:
                message.refAttrName = reader.string();
                break;
              case 13:
                message.docString = reader.string();
                break;
              case 20:
                message.type = reader.int32();
                break;
              case 2:
                message.f = reader.float();
                break;
              case 3:
                message.i = reader.int64();
                break;
              case 4:
                message.s = reader.bytes();
                break;
              case 5:
                message.t = $root.onnx.TensorProto.decode(reader, reader.uint32());
                break;
              case 6:
                message.g = $root.onnx.GraphProto.decode(reader, reader.uint32());
                break;
              case 22:
                message.sparseTensor = $root.onnx.SparseTensorProto.decode(reader, reader.uint32());
                break;
              case 14:
                message.tp = $root.onnx.TypeProto.decode(reader, reader.uint32());
                break;
              case 7:
                if (!(message.floats && message.floats.length))
                  message.floats = [];
                if ((tag & 7) === 2) {
                  var end2 = reader.uint32() + reader.pos;
                  while (reader.pos < end2)
                    message.floats.push(reader.float());
                } else
                  message.floats.push(reader.float());
                break;
              case 8:
                if (!(message.ints && message.ints.length))
                  message.ints = [];
                if ((tag & 7) === 2) {
                  var end2 = reader.uint32() + reader.pos;
                  while (reader.pos < end2)
                    message.ints.push(reader.int64());
                } else
                  message.ints.push(reader.int64());
                break;
              case 9:
                if (!(message.strings && message.strings.length))
                  message.strings = [];
                message.strings.push(reader.bytes());
                break;
              case 10:
                if (!(message.tensors && message.tensors.length))
                  message.tensors = [];
                message.tensors.push($root.onnx.TensorProto.decode(reader, reader.uint32()));
                break;
              case 11:
                if (!(message.graphs && message.graphs.length))
                  message.graphs = [];
                message.graphs.push($root.onnx.GraphProto.decode(reader, reader.uint32()));
                break;
              case 23:
                if (!(message.sparseTensors && message.sparseTensors.length))
                  message.sparseTensors = [];
                message.sparseTensors.push($root.onnx.SparseTensorProto.decode(reader, reader.uint32()));
                break;
              case 15:
                if (!(message.typeProtos && message.typeProtos.length))
                  message.typeProtos = [];
                message.typeProtos.push($root.onnx.TypeProto.decode(reader, reader.uint32()));
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        AttributeProto.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        AttributeProto.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          if (message.name != null && message.hasOwnProperty("name")) {
            if (!$util.isString(message.name))
              return "name: string expected";
          }
          if (message.refAttrName != null && message.hasOwnProperty("refAttrName")) {
            if (!$util.isString(message.refAttrName))
              return "refAttrName: string expected";
          }
          if (message.docString != null && message.hasOwnProperty("docString")) {
            if (!$util.isString(message.docString))
              return "docString: string expected";
          }
          if (message.type != null && message.hasOwnProperty("type"))
            switch (message.type) {
              default:
                return "type: enum value expected";
              case 0:
              case 1:
              case 2:
              case 3:
              case 4:
              case 5:
              case 11:
              case 13:
              case 6:
              case 7:
              case 8:
              case 9:
              case 10:
              case 12:
              case 14:
                break;
            }
          if (message.f != null && message.hasOwnProperty("f")) {
            if (typeof message.f !== "number")
              return "f: number expected";
          }
          if (message.i != null && message.hasOwnProperty("i")) {
            if (!$util.isInteger(message.i) && !(message.i && $util.isInteger(message.i.low) && $util.isInteger(message.i.high)))
              return "i: integer|Long expected";
          }
          if (message.s != null && message.hasOwnProperty("s")) {
            if (!(message.s && typeof message.s.length === "number" || $util.isString(message.s)))
              return "s: buffer expected";
          }
          if (message.t != null && message.hasOwnProperty("t")) {
            var error = $root.onnx.TensorProto.verify(message.t);
            if (error)
              return "t." + error;
          }
          if (message.g != null && message.hasOwnProperty("g")) {
            var error = $root.onnx.GraphProto.verify(message.g);
            if (error)
              return "g." + error;
          }
          if (message.sparseTensor != null && message.hasOwnProperty("sparseTensor")) {
            var error = $root.onnx.SparseTensorProto.verify(message.sparseTensor);
            if (error)
              return "sparseTensor." + error;
          }
          if (message.tp != null && message.hasOwnProperty("tp")) {
            var error = $root.onnx.TypeProto.verify(message.tp);
            if (error)
              return "tp." + error;
          }
          if (message.floats != null && message.hasOwnProperty("floats")) {
            if (!Array.isArray(message.floats))
              return "floats: array expected";
            for (var i = 0; i < message.floats.length; ++i)
              if (typeof message.floats[i] !== "number")
                return "floats: number[] expected";
          }
          if (message.ints != null && message.hasOwnProperty("ints")) {
            if (!Array.isArray(message.ints))
              return "ints: array expected";
            for (var i = 0; i < message.ints.length; ++i)
              if (!$util.isInteger(message.ints[i]) && !(message.ints[i] && $util.isInteger(message.ints[i].low) && $util.isInteger(message.ints[i].high)))
                return "ints: integer|Long[] expected";
          }
          if (message.strings != null && message.hasOwnProperty("strings")) {
            if (!Array.isArray(message.strings))
              return "strings: array expected";
            for (var i = 0; i < message.strings.length; ++i)
              if (!(message.strings[i] && typeof message.strings[i].length === "number" || $util.isString(message.strings[i])))
                return "strings: buffer[] expected";
          }
          if (message.tensors != null && message.hasOwnProperty("tensors")) {
            if (!Array.isArray(message.tensors))
              return "tensors: array expected";
            for (var i = 0; i < message.tensors.length; ++i) {
              var error = $root.onnx.TensorProto.verify(message.tensors[i]);
              if (error)
                return "tensors." + error;
            }
          }
          if (message.graphs != null && message.hasOwnProperty("graphs")) {
            if (!Array.isArray(message.graphs))
              return "graphs: array expected";
            for (var i = 0; i < message.graphs.length; ++i) {
              var error = $root.onnx.GraphProto.verify(message.graphs[i]);
              if (error)
                return "graphs." + error;
            }
          }
          if (message.sparseTensors != null && message.hasOwnProperty("sparseTensors")) {
            if (!Array.isArray(message.sparseTensors))
              return "sparseTensors: array expected";
            for (var i = 0; i < message.sparseTensors.length; ++i) {
              var error = $root.onnx.SparseTensorProto.verify(message.sparseTensors[i]);
              if (error)
                return "sparseTensors." + error;
            }
          }
          if (message.typeProtos != null && message.hasOwnProperty("typeProtos")) {
            if (!Array.isArray(message.typeProtos))
              return "typeProtos: array expected";
            for (var i = 0; i < message.typeProtos.length; ++i) {
              var error = $root.onnx.TypeProto.verify(message.typeProtos[i]);
              if (error)
                return "typeProtos." + error;
            }
          }
          return null;
        };
        AttributeProto.fromObject = function fromObject(object) {
          if (object instanceof $root.onnx.AttributeProto)
            return object;
          var message = new $root.onnx.AttributeProto();
          if (object.name != null)
            message.name = String(object.name);
          if (object.refAttrName != null)
            message.refAttrName = String(object.refAttrName);
          if (object.docString != null)
            message.docString = String(object.docString);
          switch (object.type) {
            case "UNDEFINED":
            case 0:
              message.type = 0;
              break;
            case "FLOAT":
            case 1:
              message.type = 1;
              break;
            case "INT":
            case 2:
              message.type = 2;
              break;
            case "STRING":
            case 3:
              message.type = 3;
              break;
            case "TENSOR":
            case 4:
              message.type = 4;
              break;
            case "GRAPH":
            case 5:
              message.type = 5;
              break;
            case "SPARSE_TENSOR":
            case 11:
              message.type = 11;
              break;
            case "TYPE_PROTO":
            case 13:
              message.type = 13;
              break;
            case "FLOATS":
            case 6:
              message.type = 6;
              break;
            case "INTS":
            case 7:
              message.type = 7;
              break;
            case "STRINGS":
            case 8:
              message.type = 8;
              break;
            case "TENSORS":
            case 9:
              message.type = 9;
              break;
            case "GRAPHS":
            case 10:
              message.type = 10;
              break;
            case "SPARSE_TENSORS":
            case 12:
              message.type = 12;
              break;
            case "TYPE_PROTOS":
            case 14:
              message.type = 14;
              break;
          }
          if (object.f != null)
            message.f = Number(object.f);
          if (object.i != null) {
            if ($util.Long)
              (message.i = $util.Long.fromValue(object.i)).unsigned = false;
            else if (typeof object.i === "string")
              message.i = parseInt(object.i, 10);
            else if (typeof object.i === "number")
              message.i = object.i;
            else if (typeof object.i === "object")
              message.i = new $util.LongBits(object.i.low >>> 0, object.i.high >>> 0).toNumber();
          }
          if (object.s != null) {
            if (typeof object.s === "string")
              $util.base64.decode(object.s, message.s = $util.newBuffer($util.base64.length(object.s)), 0);
            else if (object.s.length)
              message.s = object.s;
          }
          if (object.t != null) {
            if (typeof object.t !== "object")
              throw TypeError(".onnx.AttributeProto.t: object expected");
            message.t = $root.onnx.TensorProto.fromObject(object.t);
          }
          if (object.g != null) {
            if (typeof object.g !== "object")
              throw TypeError(".onnx.AttributeProto.g: object expected");
            message.g = $root.onnx.GraphProto.fromObject(object.g);
          }
          if (object.sparseTensor != null) {
            if (typeof object.sparseTensor !== "object")
              throw TypeError(".onnx.AttributeProto.sparseTensor: object expected");
            message.sparseTensor = $root.onnx.SparseTensorProto.fromObject(object.sparseTensor);
          }
          if (object.tp != null) {
            if (typeof object.tp !== "object")
              throw TypeError(".onnx.AttributeProto.tp: object expected");
            message.tp = $root.onnx.TypeProto.fromObject(object.tp);
          }
          if (object.floats) {
            if (!Array.isArray(object.floats))
              throw TypeError(".onnx.AttributeProto.floats: array expected");
            message.floats = [];
            for (var i = 0; i < object.floats.length; ++i)
              message.floats[i] = Number(object.floats[i]);
          }
          if (object.ints) {
            if (!Array.isArray(object.ints))
              throw TypeError(".onnx.AttributeProto.ints: array expected");
            message.ints = [];
            for (var i = 0; i < object.ints.length; ++i)
              if ($util.Long)
                (message.ints[i] = $util.Long.fromValue(object.ints[i])).unsigned = false;
              else if (typeof object.ints[i] === "string")
                message.ints[i] = parseInt(object.ints[i], 10);
              else if (typeof object.ints[i] === "number")
                message.ints[i] = object.ints[i];
              else if (typeof object.ints[i] === "object")
                message.ints[i] = new $util.LongBits(object.ints[i].low >>> 0, object.ints[i].high >>> 0).toNumber();
          }
          if (object.strings) {
            if (!Array.isArray(object.strings))
              throw TypeError(".onnx.AttributeProto.strings: array expected");
            message.strings = [];
            for (var i = 0; i < object.strings.length; ++i)
              if (typeof object.strings[i] === "string")
                $util.base64.decode(object.strings[i], message.strings[i] = $util.newBuffer($util.base64.length(object.strings[i])), 0);
              else if (object.strings[i].length)
                message.strings[i] = object.strings[i];
          }
          if (object.tensors) {
            if (!Array.isArray(object.tensors))
              throw TypeError(".onnx.AttributeProto.tensors: array expected");
            message.tensors = [];
            for (var i = 0; i < object.tensors.length; ++i) {
              if (typeof object.tensors[i] !== "object")
                throw TypeError(".onnx.AttributeProto.tensors: object expected");
              message.tensors[i] = $root.onnx.TensorProto.fromObject(object.tensors[i]);
            }
          }
          if (object.graphs) {
            if (!Array.isArray(object.graphs))
              throw TypeError(".onnx.AttributeProto.graphs: array expected");
            message.graphs = [];
            for (var i = 0; i < object.graphs.length; ++i) {
              if (typeof object.graphs[i] !== "object")
                throw TypeError(".onnx.AttributeProto.graphs: object expected");
              message.graphs[i] = $root.onnx.GraphProto.fromObject(object.graphs[i]);
            }
          }
          if (object.sparseTensors) {
            if (!Array.isArray(object.sparseTensors))
              throw TypeError(".onnx.AttributeProto.sparseTensors: array expected");
            message.sparseTensors = [];
            for (var i = 0; i < object.sparseTensors.length; ++i) {
              if (typeof object.sparseTensors[i] !== "object")
                throw TypeError(".onnx.AttributeProto.sparseTensors: object expected");
              message.sparseTensors[i] = $root.onnx.SparseTensorProto.fromObject(object.sparseTensors[i]);
            }
          }
          if (object.typeProtos) {
            if (!Array.isArray(object.typeProtos))
              throw TypeError(".onnx.AttributeProto.typeProtos: array expected");
            message.typeProtos = [];
            for (var i = 0; i < object.typeProtos.length; ++i) {
              if (typeof object.typeProtos[i] !== "object")
                throw TypeError(".onnx.AttributeProto.typeProtos: object expected");
              message.typeProtos[i] = $root.onnx.TypeProto.fromObject(object.typeProtos[i]);
            }
          }
          return message;
        };
        AttributeProto.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object = {};
          if (options.arrays || options.defaults) {
            object.floats = [];
            object.ints = [];
            object.strings = [];
            object.tensors = [];
            object.graphs = [];
            object.typeProtos = [];
            object.sparseTensors = [];
          }
          if (options.defaults) {
            object.name = "";
            object.f = 0;
            if ($util.Long) {
              var long = new $util.Long(0, 0, false);
              object.i = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
            } else
              object.i = options.longs === String ? "0" : 0;
            if (options.bytes === String)
              object.s = "";
            else {
              object.s = [];
              if (options.bytes !== Array)
                object.s = $util.newBuffer(object.s);
            }
            object.t = null;
            object.g = null;
            object.docString = "";
            object.tp = null;
            object.type = options.enums === String ? "UNDEFINED" : 0;
            object.refAttrName = "";
            object.sparseTensor = null;
          }
          if (message.name != null && message.hasOwnProperty("name"))
            object.name = message.name;
          if (message.f != null && message.hasOwnProperty("f"))
            object.f = options.json && !isFinite(message.f) ? String(message.f) : message.f;
          if (message.i != null && message.hasOwnProperty("i"))
            if (typeof message.i === "number")
              object.i = options.longs === String ? String(message.i) : message.i;
            else
              object.i = options.longs === String ? $util.Long.prototype.toString.call(message.i) : options.longs === Number ? new $util.LongBits(message.i.low >>> 0, message.i.high >>> 0).toNumber() : message.i;
          if (message.s != null && message.hasOwnProperty("s"))
            object.s = options.bytes === String ? $util.base64.encode(message.s, 0, message.s.length) : options.bytes === Array ? Array.prototype.slice.call(message.s) : message.s;
          if (message.t != null && message.hasOwnProperty("t"))
            object.t = $root.onnx.TensorProto.toObject(message.t, options);
          if (message.g != null && message.hasOwnProperty("g"))
            object.g = $root.onnx.GraphProto.toObject(message.g, options);
          if (message.floats && message.floats.length) {
            object.floats = [];
            for (var j = 0; j < message.floats.length; ++j)
              object.floats[j] = options.json && !isFinite(message.floats[j]) ? String(message.floats[j]) : message.floats[j];
          }
          if (message.ints && message.ints.length) {
            object.ints = [];
            for (var j = 0; j < message.ints.length; ++j)
              if (typeof message.ints[j] === "number")
                object.ints[j] = options.longs === String ? String(message.ints[j]) : message.ints[j];
              else
                object.ints[j] = options.longs === String ? $util.Long.prototype.toString.call(message.ints[j]) : options.longs === Number ? new $util.LongBits(message.ints[j].low >>> 0, message.ints[j].high >>> 0).toNumber() : message.ints[j];
          }
          if (message.strings && message.strings.length) {
            object.strings = [];
            for (var j = 0; j < message.strings.length; ++j)
              object.strings[j] = options.bytes === String ? $util.base64.encode(message.strings[j], 0, message.strings[j].length) : options.bytes === Array ? Array.prototype.slice.call(message.strings[j]) : message.strings[j];
          }
          if (message.tensors && message.tensors.length) {
            object.tensors = [];
            for (var j = 0; j < message.tensors.length; ++j)
              object.tensors[j] = $root.onnx.TensorProto.toObject(message.tensors[j], options);
          }
          if (message.graphs && message.graphs.length) {
            object.graphs = [];
            for (var j = 0; j < message.graphs.length; ++j)
              object.graphs[j] = $root.onnx.GraphProto.toObject(message.graphs[j], options);
          }
          if (message.docString != null && message.hasOwnProperty("docString"))
            object.docString = message.docString;
          if (message.tp != null && message.hasOwnProperty("tp"))
            object.tp = $root.onnx.TypeProto.toObject(message.tp, options);
          if (message.typeProtos && message.typeProtos.length) {
            object.typeProtos = [];
            for (var j = 0; j < message.typeProtos.length; ++j)
              object.typeProtos[j] = $root.onnx.TypeProto.toObject(message.typeProtos[j], options);
          }
          if (message.type != null && message.hasOwnProperty("type"))
            object.type = options.enums === String ? $root.onnx.AttributeProto.AttributeType[message.type] : message.type;
          if (message.refAttrName != null && message.hasOwnProperty("refAttrName"))
            object.refAttrName = message.refAttrName;
          if (message.sparseTensor != null && message.hasOwnProperty("sparseTensor"))
            object.sparseTensor = $root.onnx.SparseTensorProto.toObject(message.sparseTensor, options);
          if (message.sparseTensors && message.sparseTensors.length) {
            object.sparseTensors = [];
            for (var j = 0; j < message.sparseTensors.length; ++j)
              object.sparseTensors[j] = $root.onnx.SparseTensorProto.toObject(message.sparseTensors[j], options);
          }
          return object;
        };
        AttributeProto.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        AttributeProto.AttributeType = (function() {
          var valuesById = {}, values = Object.create(valuesById);
          values[valuesById[0] = "UNDEFINED"] = 0;
          values[valuesById[1] = "FLOAT"] = 1;
          values[valuesById[2] = "INT"] = 2;
          values[valuesById[3] = "STRING"] = 3;
          values[valuesById[4] = "TENSOR"] = 4;
          values[valuesById[5] = "GRAPH"] = 5;
          values[valuesById[11] = "SPARSE_TENSOR"] = 11;
          values[valuesById[13] = "TYPE_PROTO"] = 13;
          values[valuesById[6] = "FLOATS"] = 6;
          values[valuesById[7] = "INTS"] = 7;
          values[valuesById[8] = "STRINGS"] = 8;
          values[valuesById[9] = "TENSORS"] = 9;
          values[valuesById[10] = "GRAPHS"] = 10;
          values[valuesById[12] = "SPARSE_TENSORS"] = 12;
          values[valuesById[14] = "TYPE_PROTOS"] = 14;
          return values;
        })();
        return AttributeProto;
      })();
      onnx2.ValueInfoProto = (function() {
        function ValueInfoProto(properties) {
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        ValueInfoProto.prototype.name = "";
        ValueInfoProto.prototype.type = null;
        ValueInfoProto.prototype.docString = "";
        ValueInfoProto.create = function create(properties) {
          return new ValueInfoProto(properties);
        };
        ValueInfoProto.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.name != null && Object.hasOwnProperty.call(message, "name"))
            writer.uint32(
              /* id 1, wireType 2 =*/
              10
            ).string(message.name);
          if (message.type != null && Object.hasOwnProperty.call(message, "type"))
            $root.onnx.TypeProto.encode(message.type, writer.uint32(
              /* id 2, wireType 2 =*/
              18
            ).fork()).ldelim();
          if (message.docString != null && Object.hasOwnProperty.call(message, "docString"))
            writer.uint32(
              /* id 3, wireType 2 =*/
              26
            ).string(message.docString);
          return writer;
        };
        ValueInfoProto.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        ValueInfoProto.decode = function decode(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.ValueInfoProto();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                message.name = reader.string();
                break;
              case 2:
                message.type = $root.onnx.TypeProto.decode(reader, reader.uint32());
                break;
              case 3:
                message.docString = reader.string();
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        ValueInfoProto.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        ValueInfoProto.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          if (message.name != null && message.hasOwnProperty("name")) {
            if (!$util.isString(message.name))
              return "name: string expected";
          }
          if (message.type != null && message.hasOwnProperty("type")) {
            var error = $root.onnx.TypeProto.verify(message.type);
            if (error)
              return "type." + error;
          }
          if (message.docString != null && message.hasOwnProperty("docString")) {
            if (!$util.isString(message.docString))
              return "docString: string expected";
          }
          return null;
        };
        ValueInfoProto.fromObject = function fromObject(object) {
          if (object instanceof $root.onnx.ValueInfoProto)
            return object;
          var message = new $root.onnx.ValueInfoProto();
          if (object.name != null)
            message.name = String(object.name);
          if (object.type != null) {
            if (typeof object.type !== "object")
              throw TypeError(".onnx.ValueInfoProto.type: object expected");
            message.type = $root.onnx.TypeProto.fromObject(object.type);
          }
          if (object.docString != null)
            message.docString = String(object.docString);
          return message;
        };
        ValueInfoProto.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object = {};
          if (options.defaults) {
            object.name = "";
            object.type = null;
            object.docString = "";
          }
          if (message.name != null && message.hasOwnProperty("name"))
            object.name = message.name;
          if (message.type != null && message.hasOwnProperty("type"))
            object.type = $root.onnx.TypeProto.toObject(message.type, options);
          if (message.docString != null && message.hasOwnProperty("docString"))
            object.docString = message.docString;
          return object;
        };
        ValueInfoProto.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        return ValueInfoProto;
      })();
      onnx2.NodeProto = (function() {
        function NodeProto(properties) {
          this.input = [];
          this.output = [];
          this.attribute = [];
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        NodeProto.prototype.input = $util.emptyArray;
        NodeProto.prototype.output = $util.emptyArray;
        NodeProto.prototype.name = "";
        NodeProto.prototype.opType = "";
        NodeProto.prototype.domain = "";
        NodeProto.prototype.attribute = $util.emptyArray;
        NodeProto.prototype.docString = "";
        NodeProto.create = function create(properties) {
          return new NodeProto(properties);
        };
        NodeProto.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.input != null && message.input.length)
            for (var i = 0; i < message.input.length; ++i)
              writer.uint32(
                /* id 1, wireType 2 =*/
                10
              ).string(message.input[i]);
          if (message.output != null && message.output.length)
            for (var i = 0; i < message.output.length; ++i)
              writer.uint32(
                /* id 2, wireType 2 =*/
                18
              ).string(message.output[i]);
          if (message.name != null && Object.hasOwnProperty.call(message, "name"))
            writer.uint32(
              /* id 3, wireType 2 =*/
              26
            ).string(message.name);
          if (message.opType != null && Object.hasOwnProperty.call(message, "opType"))
            writer.uint32(
              /* id 4, wireType 2 =*/
              34
            ).string(message.opType);
          if (message.attribute != null && message.attribute.length)
            for (var i = 0; i < message.attribute.length; ++i)
              $root.onnx.AttributeProto.encode(message.attribute[i], writer.uint32(
                /* id 5, wireType 2 =*/
                42
              ).fork()).ldelim();
          if (message.docString != null && Object.hasOwnProperty.call(message, "docString"))
            writer.uint32(
              /* id 6, wireType 2 =*/
              50
            ).string(message.docString);
          if (message.domain != null && Object.hasOwnProperty.call(message, "domain"))
            writer.uint32(
              /* id 7, wireType 2 =*/
              58
            ).string(message.domain);
          return writer;
        };
        NodeProto.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        NodeProto.decode = function decode(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.NodeProto();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                if (!(message.input && message.input.length))
                  message.input = [];
                message.input.push(reader.string());
                break;
              case 2:
                if (!(message.output && message.output.length))
                  message.output = [];
                message.output.push(reader.string());
                break;
              case 3:
                message.name = reader.string();
                break;
              case 4:
                message.opType = reader.string();
                break;
              case 7:
                message.domain = reader.string();
                break;
              case 5:
                if (!(message.attribute && message.attribute.length))
                  message.attribute = [];
                message.attribute.push($root.onnx.AttributeProto.decode(reader, reader.uint32()));
                break;
              case 6:
                message.docString = reader.string();
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        NodeProto.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        NodeProto.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          if (message.input != null && message.hasOwnProperty("input")) {
            if (!Array.isArray(message.input))
              return "input: array expected";
            for (var i = 0; i < message.input.length; ++i)
              if (!$util.isString(message.input[i]))
                return "input: string[] expected";
          }
          if (message.output != null && message.hasOwnProperty("output")) {
            if (!Array.isArray(message.output))
              return "output: array expected";
            for (var i = 0; i < message.output.length; ++i)
              if (!$util.isString(message.output[i]))
                return "output: string[] expected";
          }
          if (message.name != null && message.hasOwnProperty("name")) {
            if (!$util.isString(message.name))
              return "name: string expected";
          }
          if (message.opType != null && message.hasOwnProperty("opType")) {
            if (!$util.isString(message.opType))
              return "opType: string expected";
          }
          if (message.domain != null && message.hasOwnProperty("domain")) {
            if (!$util.isString(message.domain))
              return "domain: string expected";
          }
          if (message.attribute != null && message.hasOwnProperty("attribute")) {
            if (!Array.isArray(message.attribute))
              return "attribute: array expected";
            for (var i = 0; i < message.attribute.length; ++i) {
              var error = $root.onnx.AttributeProto.verify(message.attribute[i]);
              if (error)
                return "attribute." + error;
            }
          }
          if (message.docString != null && message.hasOwnProperty("docString")) {
            if (!$util.isString(message.docString))
              return "docString: string expected";
          }
          return null;
        };
        NodeProto.fromObject = function fromObject(object) {
          if (object instanceof $root.onnx.NodeProto)
            return object;
          var message = new $root.onnx.NodeProto();
          if (object.input) {
            if (!Array.isArray(object.input))
              throw TypeError(".onnx.NodeProto.input: array expected");
            message.input = [];
            for (var i = 0; i < object.input.length; ++i)
              message.input[i] = String(object.input[i]);
          }
          if (object.output) {
            if (!Array.isArray(object.output))
              throw TypeError(".onnx.NodeProto.output: array expected");
            message.output = [];
            for (var i = 0; i < object.output.length; ++i)
              message.output[i] = String(object.output[i]);
          }
          if (object.name != null)
            message.name = String(object.name);
          if (object.opType != null)
            message.opType = String(object.opType);
          if (object.domain != null)
            message.domain = String(object.domain);
          if (object.attribute) {
            if (!Array.isArray(object.attribute))
              throw TypeError(".onnx.NodeProto.attribute: array expected");
            message.attribute = [];
            for (var i = 0; i < object.attribute.length; ++i) {
              if (typeof object.attribute[i] !== "object")
                throw TypeError(".onnx.NodeProto.attribute: object expected");
              message.attribute[i] = $root.onnx.AttributeProto.fromObject(object.attribute[i]);
            }
          }
          if (object.docString != null)
            message.docString = String(object.docString);
          return message;
        };
        NodeProto.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object = {};
          if (options.arrays || options.defaults) {
            object.input = [];
            object.output = [];
            object.attribute = [];
          }
          if (options.defaults) {
            object.name = "";
            object.opType = "";
            object.docString = "";
            object.domain = "";
          }
          if (message.input && message.input.length) {
            object.input = [];
            for (var j = 0; j < message.input.length; ++j)
              object.input[j] = message.input[j];
          }
          if (message.output && message.output.length) {
            object.output = [];
            for (var j = 0; j < message.output.length; ++j)
              object.output[j] = message.output[j];
          }
          if (message.name != null && message.hasOwnProperty("name"))
            object.name = message.name;
          if (message.opType != null && message.hasOwnProperty("opType"))
            object.opType = message.opType;
          if (message.attribute && message.attribute.length) {
            object.attribute = [];
            for (var j = 0; j < message.attribute.length; ++j)
              object.attribute[j] = $root.onnx.AttributeProto.toObject(message.attribute[j], options);
          }
          if (message.docString != null && message.hasOwnProperty("docString"))
            object.docString = message.docString;
          if (message.domain != null && message.hasOwnProperty("domain"))
            object.domain = message.domain;
          return object;
        };
        NodeProto.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        return NodeProto;
      })();
      onnx2.TrainingInfoProto = (function() {
        function TrainingInfoProto(properties) {
          this.initializationBinding = [];
          this.updateBinding = [];
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        TrainingInfoProto.prototype.initialization = null;
        TrainingInfoProto.prototype.algorithm = null;
        TrainingInfoProto.prototype.initializationBinding = $util.emptyArray;
        TrainingInfoProto.prototype.updateBinding = $util.emptyArray;
        TrainingInfoProto.create = function create(properties) {
          return new TrainingInfoProto(properties);
        };
        TrainingInfoProto.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.initialization != null && Object.hasOwnProperty.call(message, "initialization"))
            $root.onnx.GraphProto.encode(message.initialization, writer.uint32(
              /* id 1, wireType 2 =*/
              10
            ).fork()).ldelim();
          if (message.algorithm != null && Object.hasOwnProperty.call(message, "algorithm"))
            $root.onnx.GraphProto.encode(message.algorithm, writer.uint32(
              /* id 2, wireType 2 =*/
              18
            ).fork()).ldelim();
          if (message.initializationBinding != null && message.initializationBinding.length)
            for (var i = 0; i < message.initializationBinding.length; ++i)
              $root.onnx.StringStringEntryProto.encode(message.initializationBinding[i], writer.uint32(
                /* id 3, wireType 2 =*/
                26
              ).fork()).ldelim();
          if (message.updateBinding != null && message.updateBinding.length)
            for (var i = 0; i < message.updateBinding.length; ++i)
              $root.onnx.StringStringEntryProto.encode(message.updateBinding[i], writer.uint32(
                /* id 4, wireType 2 =*/
                34
              ).fork()).ldelim();
          return writer;
        };
        TrainingInfoProto.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        TrainingInfoProto.decode = function decode(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.TrainingInfoProto();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                message.initialization = $root.onnx.GraphProto.decode(reader, reader.uint32());
                break;
              case 2:
                message.algorithm = $root.onnx.GraphProto.decode(reader, reader.uint32());
                break;
              case 3:
                if (!(message.initializationBinding && message.initializationBinding.length))
                  message.initializationBinding = [];
                message.initializationBinding.push($root.onnx.StringStringEntryProto.decode(reader, reader.uint32()));
                break;
              case 4:
                if (!(message.updateBinding && message.updateBinding.length))
                  message.updateBinding = [];
                message.updateBinding.push($root.onnx.StringStringEntryProto.decode(reader, reader.uint32()));
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        TrainingInfoProto.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        TrainingInfoProto.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          if (message.initialization != null && message.hasOwnProperty("initialization")) {
            var error = $root.onnx.GraphProto.verify(message.initialization);
            if (error)
              return "initialization." + error;
          }
          if (message.algorithm != null && message.hasOwnProperty("algorithm")) {
            var error = $root.onnx.GraphProto.verify(message.algorithm);
            if (error)
              return "algorithm." + error;
          }
          if (message.initializationBinding != null && message.hasOwnProperty("initializationBinding")) {
            if (!Array.isArray(message.initializationBinding))
              return "initializationBinding: array expected";
            for (var i = 0; i < message.initializationBinding.length; ++i) {
              var error = $root.onnx.StringStringEntryProto.verify(message.initializationBinding[i]);
              if (error)
                return "initializationBinding." + error;
            }
          }
          if (message.updateBinding != null && message.hasOwnProperty("updateBinding")) {
            if (!Array.isArray(message.updateBinding))
              return "updateBinding: array expected";
            for (var i = 0; i < message.updateBinding.length; ++i) {
              var error = $root.onnx.StringStringEntryProto.verify(message.updateBinding[i]);
              if (error)
                return "updateBinding." + error;
            }
          }
          return null;
        };
        TrainingInfoProto.fromObject = function fromObject(object) {
          if (object instanceof $root.onnx.TrainingInfoProto)
            return object;
          var message = new $root.onnx.TrainingInfoProto();
          if (object.initialization != null) {
            if (typeof object.initialization !== "object")
              throw TypeError(".onnx.TrainingInfoProto.initialization: object expected");
            message.initialization = $root.onnx.GraphProto.fromObject(object.initialization);
          }
          if (object.algorithm != null) {
            if (typeof object.algorithm !== "object")
              throw TypeError(".onnx.TrainingInfoProto.algorithm: object expected");
            message.algorithm = $root.onnx.GraphProto.fromObject(object.algorithm);
          }
          if (object.initializationBinding) {
            if (!Array.isArray(object.initializationBinding))
              throw TypeError(".onnx.TrainingInfoProto.initializationBinding: array expected");
            message.initializationBinding = [];
            for (var i = 0; i < object.initializationBinding.length; ++i) {
              if (typeof object.initializationBinding[i] !== "object")
                throw TypeError(".onnx.TrainingInfoProto.initializationBinding: object expected");
              message.initializationBinding[i] = $root.onnx.StringStringEntryProto.fromObject(object.initializationBinding[i]);
            }
          }
          if (object.updateBinding) {
            if (!Array.isArray(object.updateBinding))
              throw TypeError(".onnx.TrainingInfoProto.updateBinding: array expected");
            message.updateBinding = [];
            for (var i = 0; i < object.updateBinding.length; ++i) {
              if (typeof object.updateBinding[i] !== "object")
                throw TypeError(".onnx.TrainingInfoProto.updateBinding: object expected");
              message.updateBinding[i] = $root.onnx.StringStringEntryProto.fromObject(object.updateBinding[i]);
            }
          }
          return message;
        };
        TrainingInfoProto.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object = {};
          if (options.arrays || options.defaults) {
            object.initializationBinding = [];
            object.updateBinding = [];
          }
          if (options.defaults) {
            object.initialization = null;
            object.algorithm = null;
          }
          if (message.initialization != null && message.hasOwnProperty("initialization"))
            object.initialization = $root.onnx.GraphProto.toObject(message.initialization, options);
          if (message.algorithm != null && message.hasOwnProperty("algorithm"))
            object.algorithm = $root.onnx.GraphProto.toObject(message.algorithm, options);
          if (message.initializationBinding && message.initializationBinding.length) {
            object.initializationBinding = [];
            for (var j = 0; j < message.initializationBinding.length; ++j)
              object.initializationBinding[j] = $root.onnx.StringStringEntryProto.toObject(message.initializationBinding[j], options);
          }
          if (message.updateBinding && message.updateBinding.length) {
            object.updateBinding = [];
            for (var j = 0; j < message.updateBinding.length; ++j)
              object.updateBinding[j] = $root.onnx.StringStringEntryProto.toObject(message.updateBinding[j], options);
          }
          return object;
        };
        TrainingInfoProto.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        return TrainingInfoProto;
      })();
      onnx2.ModelProto = (function() {
        function ModelProto(properties) {
          this.opsetImport = [];
          this.metadataProps = [];
          this.trainingInfo = [];
          this.functions = [];
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        ModelProto.prototype.irVersion = $util.Long ? $util.Long.fromBits(0, 0, false) : 0;
        ModelProto.prototype.opsetImport = $util.emptyArray;
        ModelProto.prototype.producerName = "";
        ModelProto.prototype.producerVersion = "";
        ModelProto.prototype.domain = "";
        ModelProto.prototype.modelVersion = $util.Long ? $util.Long.fromBits(0, 0, false) : 0;
        ModelProto.prototype.docString = "";
        ModelProto.prototype.graph = null;
        ModelProto.prototype.metadataProps = $util.emptyArray;
        ModelProto.prototype.trainingInfo = $util.emptyArray;
        ModelProto.prototype.functions = $util.emptyArray;
        ModelProto.create = function create(properties) {
          return new ModelProto(properties);
        };
        ModelProto.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.irVersion != null && Object.hasOwnProperty.call(message, "irVersion"))
            writer.uint32(
              /* id 1, wireType 0 =*/
              8
            ).int64(message.irVersion);
          if (message.producerName != null && Object.hasOwnProperty.call(message, "producerName"))
            writer.uint32(
              /* id 2, wireType 2 =*/
              18
            ).string(message.producerName);
          if (message.producerVersion != null && Object.hasOwnProperty.call(message, "producerVersion"))
            writer.uint32(
              /* id 3, wireType 2 =*/
              26
            ).string(message.producerVersion);
          if (message.domain != null && Object.hasOwnProperty.call(message, "domain"))
            writer.uint32(
              /* id 4, wireType 2 =*/
              34
            ).string(message.domain);
          if (message.modelVersion != null && Object.hasOwnProperty.call(message, "modelVersion"))
            writer.uint32(
              /* id 5, wireType 0 =*/
              40
            ).int64(message.modelVersion);
          if (message.docString != null && Object.hasOwnProperty.call(message, "docString"))
            writer.uint32(
              /* id 6, wireType 2 =*/
              50
            ).string(message.docString);
          if (message.graph != null && Object.hasOwnProperty.call(message, "graph"))
            $root.onnx.GraphProto.encode(message.graph, writer.uint32(
              /* id 7, wireType 2 =*/
              58
            ).fork()).ldelim();
          if (message.opsetImport != null && message.opsetImport.length)
            for (var i = 0; i < message.opsetImport.length; ++i)
              $root.onnx.OperatorSetIdProto.encode(message.opsetImport[i], writer.uint32(
                /* id 8, wireType 2 =*/
                66
              ).fork()).ldelim();
          if (message.metadataProps != null && message.metadataProps.length)
            for (var i = 0; i < message.metadataProps.length; ++i)
              $root.onnx.StringStringEntryProto.encode(message.metadataProps[i], writer.uint32(
                /* id 14, wireType 2 =*/
                114
              ).fork()).ldelim();
          if (message.trainingInfo != null && message.trainingInfo.length)
            for (var i = 0; i < message.trainingInfo.length; ++i)
              $root.onnx.TrainingInfoProto.encode(message.trainingInfo[i], writer.uint32(
                /* id 20, wireType 2 =*/
                162
              ).fork()).ldelim();
          if (message.functions != null && message.functions.length)
            for (var i = 0; i < message.functions.length; ++i)
              $root.onnx.FunctionProto.encode(message.functions[i], writer.uint32(
                /* id 25, wireType 2 =*/
                202
              ).fork()).ldelim();
          return writer;
        };
        ModelProto.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        ModelProto.decode = function decode(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.ModelProto();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                message.irVersion = reader.int64();
                break;
              case 8:
                if (!(message.opsetImport && message.opsetImport.length))
                  message.opsetImport = [];
                message.opsetImport.push($root.onnx.OperatorSetIdProto.decode(reader, reader.uint32()));
                break;
              case 2:
                message.producerName = reader.string();
                break;
              case 3:
                message.producerVersion = reader.string();
                break;
              case 4:
                message.domain = reader.string();
                break;
              case 5:
                message.modelVersion = reader.int64();
                break;
              case 6:
                message.docString = reader.string();
                break;
              case 7:
                message.graph = $root.onnx.GraphProto.decode(reader, reader.uint32());
                break;
              case 14:
                if (!(message.metadataProps && message.metadataProps.length))
                  message.metadataProps = [];
                message.metadataProps.push($root.onnx.StringStringEntryProto.decode(reader, reader.uint32()));
                break;
              case 20:
                if (!(message.trainingInfo && message.trainingInfo.length))
                  message.trainingInfo = [];
                message.trainingInfo.push($root.onnx.TrainingInfoProto.decode(reader, reader.uint32()));
                break;
              case 25:
                if (!(message.functions && message.functions.length))
                  message.functions = [];
                message.functions.push($root.onnx.FunctionProto.decode(reader, reader.uint32()));
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        ModelProto.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        ModelProto.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          if (message.irVersion != null && message.hasOwnProperty("irVersion")) {
            if (!$util.isInteger(message.irVersion) && !(message.irVersion && $util.isInteger(message.irVersion.low) && $util.isInteger(message.irVersion.high)))
              return "irVersion: integer|Long expected";
          }
          if (message.opsetImport != null && message.hasOwnProperty("opsetImport")) {
            if (!Array.isArray(message.opsetImport))
              return "opsetImport: array expected";
            for (var i = 0; i < message.opsetImport.length; ++i) {
              var error = $root.onnx.OperatorSetIdProto.verify(message.opsetImport[i]);
              if (error)
                return "opsetImport." + error;
            }
          }
          if (message.producerName != null && message.hasOwnProperty("producerName")) {
            if (!$util.isString(message.producerName))
              return "producerName: string expected";
          }
          if (message.producerVersion != null && message.hasOwnProperty("producerVersion")) {
            if (!$util.isString(message.producerVersion))
              return "producerVersion: string expected";
          }
          if (message.domain != null && message.hasOwnProperty("domain")) {
            if (!$util.isString(message.domain))
              return "domain: string expected";
          }
          if (message.modelVersion != null && message.hasOwnProperty("modelVersion")) {
            if (!$util.isInteger(message.modelVersion) && !(message.modelVersion && $util.isInteger(message.modelVersion.low) && $util.isInteger(message.modelVersion.high)))
              return "modelVersion: integer|Long expected";
          }
          if (message.docString != null && message.hasOwnProperty("docString")) {
            if (!$util.isString(message.docString))
              return "docString: string expected";
          }
          if (message.graph != null && message.hasOwnProperty("graph")) {
            var error = $root.onnx.GraphProto.verify(message.graph);
            if (error)
              return "graph." + error;
          }
          if (message.metadataProps != null && message.hasOwnProperty("metadataProps")) {
            if (!Array.isArray(message.metadataProps))
              return "metadataProps: array expected";
            for (var i = 0; i < message.metadataProps.length; ++i) {
              var error = $root.onnx.StringStringEntryProto.verify(message.metadataProps[i]);
              if (error)
                return "metadataProps." + error;
            }
          }
          if (message.trainingInfo != null && message.hasOwnProperty("trainingInfo")) {
            if (!Array.isArray(message.trainingInfo))
              return "trainingInfo: array expected";
            for (var i = 0; i < message.trainingInfo.length; ++i) {
              var error = $root.onnx.TrainingInfoProto.verify(message.trainingInfo[i]);
              if (error)
                return "trainingInfo." + error;
            }
          }
          if (message.functions != null && message.hasOwnProperty("functions")) {
            if (!Array.isArray(message.functions))
              return "functions: array expected";
            for (var i = 0; i < message.functions.length; ++i) {
              var error = $root.onnx.FunctionProto.verify(message.functions[i]);
              if (error)
                return "functions." + error;
            }
          }
          return null;
        };
        ModelProto.fromObject = function fromObject(object) {
          if (object instanceof $root.onnx.ModelProto)
            return object;
          var message = new $root.onnx.ModelProto();
          if (object.irVersion != null) {
            if ($util.Long)
              (message.irVersion = $util.Long.fromValue(object.irVersion)).unsigned = false;
            else if (typeof object.irVersion === "string")
              message.irVersion = parseInt(object.irVersion, 10);
            else if (typeof object.irVersion === "number")
              message.irVersion = object.irVersion;
            else if (typeof object.irVersion === "object")
              message.irVersion = new $util.LongBits(object.irVersion.low >>> 0, object.irVersion.high >>> 0).toNumber();
          }
          if (object.opsetImport) {
            if (!Array.isArray(object.opsetImport))
              throw TypeError(".onnx.ModelProto.opsetImport: array expected");
            message.opsetImport = [];
            for (var i = 0; i < object.opsetImport.length; ++i) {
              if (typeof object.opsetImport[i] !== "object")
                throw TypeError(".onnx.ModelProto.opsetImport: object expected");
              message.opsetImport[i] = $root.onnx.OperatorSetIdProto.fromObject(object.opsetImport[i]);
            }
          }
          if (object.producerName != null)
            message.producerName = String(object.producerName);
          if (object.producerVersion != null)
            message.producerVersion = String(object.producerVersion);
          if (object.domain != null)
            message.domain = String(object.domain);
          if (object.modelVersion != null) {
            if ($util.Long)
              (message.modelVersion = $util.Long.fromValue(object.modelVersion)).unsigned = false;
            else if (typeof object.modelVersion === "string")
              message.modelVersion = parseInt(object.modelVersion, 10);
            else if (typeof object.modelVersion === "number")
              message.modelVersion = object.modelVersion;
            else if (typeof object.modelVersion === "object")
              message.modelVersion = new $util.LongBits(object.modelVersion.low >>> 0, object.modelVersion.high >>> 0).toNumber();
          }
          if (object.docString != null)
            message.docString = String(object.docString);
          if (object.graph != null) {
            if (typeof object.graph !== "object")
              throw TypeError(".onnx.ModelProto.graph: object expected");
            message.graph = $root.onnx.GraphProto.fromObject(object.graph);
          }
          if (object.metadataProps) {
            if (!Array.isArray(object.metadataProps))
              throw TypeError(".onnx.ModelProto.metadataProps: array expected");
            message.metadataProps = [];
            for (var i = 0; i < object.metadataProps.length; ++i) {
              if (typeof object.metadataProps[i] !== "object")
                throw TypeError(".onnx.ModelProto.metadataProps: object expected");
              message.metadataProps[i] = $root.onnx.StringStringEntryProto.fromObject(object.metadataProps[i]);
            }
          }
          if (object.trainingInfo) {
            if (!Array.isArray(object.trainingInfo))
              throw TypeError(".onnx.ModelProto.trainingInfo: array expected");
            message.trainingInfo = [];
            for (var i = 0; i < object.trainingInfo.length; ++i) {
              if (typeof object.trainingInfo[i] !== "object")
                throw TypeError(".onnx.ModelProto.trainingInfo: object expected");
              message.trainingInfo[i] = $root.onnx.TrainingInfoProto.fromObject(object.trainingInfo[i]);
            }
          }
          if (object.functions) {
            if (!Array.isArray(object.functions))
              throw TypeError(".onnx.ModelProto.functions: array expected");
            message.functions = [];
            for (var i = 0; i < object.functions.length; ++i) {
              if (typeof object.functions[i] !== "object")
                throw TypeError(".onnx.ModelProto.functions: object expected");
              message.functions[i] = $root.onnx.FunctionProto.fromObject(object.functions[i]);
            }
          }
          return message;
        };
        ModelProto.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object = {};
          if (options.arrays || options.defaults) {
            object.opsetImport = [];
            object.metadataProps = [];
            object.trainingInfo = [];
            object.functions = [];
          }
          if (options.defaults) {
            if ($util.Long) {
              var long = new $util.Long(0, 0, false);
              object.irVersion = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
            } else
              object.irVersion = options.longs === String ? "0" : 0;
            object.producerName = "";
            object.producerVersion = "";
            object.domain = "";
            if ($util.Long) {
              var long = new $util.Long(0, 0, false);
              object.modelVersion = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
            } else
              object.modelVersion = options.longs === String ? "0" : 0;
            object.docString = "";
            object.graph = null;
          }
          if (message.irVersion != null && message.hasOwnProperty("irVersion"))
            if (typeof message.irVersion === "number")
              object.irVersion = options.longs === String ? String(message.irVersion) : message.irVersion;
            else
              object.irVersion = options.longs === String ? $util.Long.prototype.toString.call(message.irVersion) : options.longs === Number ? new $util.LongBits(message.irVersion.low >>> 0, message.irVersion.high >>> 0).toNumber() : message.irVersion;
          if (message.producerName != null && message.hasOwnProperty("producerName"))
            object.producerName = message.producerName;
          if (message.producerVersion != null && message.hasOwnProperty("producerVersion"))
            object.producerVersion = message.producerVersion;
          if (message.domain != null && message.hasOwnProperty("domain"))
            object.domain = message.domain;
          if (message.modelVersion != null && message.hasOwnProperty("modelVersion"))
            if (typeof message.modelVersion === "number")
              object.modelVersion = options.longs === String ? String(message.modelVersion) : message.modelVersion;
            else
              object.modelVersion = options.longs === String ? $util.Long.prototype.toString.call(message.modelVersion) : options.longs === Number ? new $util.LongBits(message.modelVersion.low >>> 0, message.modelVersion.high >>> 0).toNumber() : message.modelVersion;
          if (message.docString != null && message.hasOwnProperty("docString"))
            object.docString = message.docString;
          if (message.graph != null && message.hasOwnProperty("graph"))
            object.graph = $root.onnx.GraphProto.toObject(message.graph, options);
          if (message.opsetImport && message.opsetImport.length) {
            object.opsetImport = [];
            for (var j = 0; j < message.opsetImport.length; ++j)
              object.opsetImport[j] = $root.onnx.OperatorSetIdProto.toObject(message.opsetImport[j], options);
          }
          if (message.metadataProps && message.metadataProps.length) {
            object.metadataProps = [];
            for (var j = 0; j < message.metadataProps.length; ++j)
              object.metadataProps[j] = $root.onnx.StringStringEntryProto.toObject(message.metadataProps[j], options);
          }
          if (message.trainingInfo && message.trainingInfo.length) {
            object.trainingInfo = [];
            for (var j = 0; j < message.trainingInfo.length; ++j)
              object.trainingInfo[j] = $root.onnx.TrainingInfoProto.toObject(message.trainingInfo[j], options);
          }
          if (message.functions && message.functions.length) {
            object.functions = [];
            for (var j = 0; j < message.functions.length; ++j)
              object.functions[j] = $root.onnx.FunctionProto.toObject(message.functions[j], options);
          }
          return object;
        };
        ModelProto.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        return ModelProto;
      })();
      onnx2.StringStringEntryProto = (function() {
        function StringStringEntryProto(properties) {
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        StringStringEntryProto.prototype.key = "";
        StringStringEntryProto.prototype.value = "";
        StringStringEntryProto.create = function create(properties) {
          return new StringStringEntryProto(properties);
        };
        StringStringEntryProto.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.key != null && Object.hasOwnProperty.call(message, "key"))
            writer.uint32(
              /* id 1, wireType 2 =*/
              10
            ).string(message.key);
          if (message.value != null && Object.hasOwnProperty.call(message, "value"))
            writer.uint32(
              /* id 2, wireType 2 =*/
              18
            ).string(message.value);
          return writer;
        };
        StringStringEntryProto.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        StringStringEntryProto.decode = function decode(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.StringStringEntryProto();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                message.key = reader.string();
                break;
              case 2:
                message.value = reader.string();
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        StringStringEntryProto.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        StringStringEntryProto.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          if (message.key != null && message.hasOwnProperty("key")) {
            if (!$util.isString(message.key))
              return "key: string expected";
          }
          if (message.value != null && message.hasOwnProperty("value")) {
            if (!$util.isString(message.value))
              return "value: string expected";
          }
          return null;
        };
        StringStringEntryProto.fromObject = function fromObject(object) {
          if (object instanceof $root.onnx.StringStringEntryProto)
            return object;
          var message = new $root.onnx.StringStringEntryProto();
          if (object.key != null)
            message.key = String(object.key);
          if (object.value != null)
            message.value = String(object.value);
          return message;
        };
        StringStringEntryProto.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object = {};
          if (options.defaults) {
            object.key = "";
            object.value = "";
          }
          if (message.key != null && message.hasOwnProperty("key"))
            object.key = message.key;
          if (message.value != null && message.hasOwnProperty("value"))
            object.value = message.value;
          return object;
        };
        StringStringEntryProto.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        return StringStringEntryProto;
      })();
      onnx2.TensorAnnotation = (function() {
        function TensorAnnotation(properties) {
          this.quantParameterTensorNames = [];
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        TensorAnnotation.prototype.tensorName = "";
        TensorAnnotation.prototype.quantParameterTensorNames = $util.emptyArray;
        TensorAnnotation.create = function create(properties) {
          return new TensorAnnotation(properties);
        };
        TensorAnnotation.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.tensorName != null && Object.hasOwnProperty.call(message, "tensorName"))
            writer.uint32(
              /* id 1, wireType 2 =*/
              10
            ).string(message.tensorName);
          if (message.quantParameterTensorNames != null && message.quantParameterTensorNames.length)
            for (var i = 0; i < message.quantParameterTensorNames.length; ++i)
              $root.onnx.StringStringEntryProto.encode(message.quantParameterTensorNames[i], writer.uint32(
                /* id 2, wireType 2 =*/
                18
              ).fork()).ldelim();
          return writer;
        };
        TensorAnnotation.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        TensorAnnotation.decode = function decode(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.TensorAnnotation();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                message.tensorName = reader.string();
                break;
              case 2:
                if (!(message.quantParameterTensorNames && message.quantParameterTensorNames.length))
                  message.quantParameterTensorNames = [];
                message.quantParameterTensorNames.push($root.onnx.StringStringEntryProto.decode(reader, reader.uint32()));
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        TensorAnnotation.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        TensorAnnotation.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          if (message.tensorName != null && message.hasOwnProperty("tensorName")) {
            if (!$util.isString(message.tensorName))
              return "tensorName: string expected";
          }
          if (message.quantParameterTensorNames != null && message.hasOwnProperty("quantParameterTensorNames")) {
            if (!Array.isArray(message.quantParameterTensorNames))
              return "quantParameterTensorNames: array expected";
            for (var i = 0; i < message.quantParameterTensorNames.length; ++i) {
              var error = $root.onnx.StringStringEntryProto.verify(message.quantParameterTensorNames[i]);
              if (error)
                return "quantParameterTensorNames." + error;
            }
          }
          return null;
        };
        TensorAnnotation.fromObject = function fromObject(object) {
          if (object instanceof $root.onnx.TensorAnnotation)
            return object;
          var message = new $root.onnx.TensorAnnotation();
          if (object.tensorName != null)
            message.tensorName = String(object.tensorName);
          if (object.quantParameterTensorNames) {
            if (!Array.isArray(object.quantParameterTensorNames))
              throw TypeError(".onnx.TensorAnnotation.quantParameterTensorNames: array expected");
            message.quantParameterTensorNames = [];
            for (var i = 0; i < object.quantParameterTensorNames.length; ++i) {
              if (typeof object.quantParameterTensorNames[i] !== "object")
                throw TypeError(".onnx.TensorAnnotation.quantParameterTensorNames: object expected");
              message.quantParameterTensorNames[i] = $root.onnx.StringStringEntryProto.fromObject(object.quantParameterTensorNames[i]);
            }
          }
          return message;
        };
        TensorAnnotation.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object = {};
          if (options.arrays || options.defaults)
            object.quantParameterTensorNames = [];
          if (options.defaults)
            object.tensorName = "";
          if (message.tensorName != null && message.hasOwnProperty("tensorName"))
            object.tensorName = message.tensorName;
          if (message.quantParameterTensorNames && message.quantParameterTensorNames.length) {
            object.quantParameterTensorNames = [];
            for (var j = 0; j < message.quantParameterTensorNames.length; ++j)
              object.quantParameterTensorNames[j] = $root.onnx.StringStringEntryProto.toObject(message.quantParameterTensorNames[j], options);
          }
          return object;
        };
        TensorAnnotation.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        return TensorAnnotation;
      })();
      onnx2.GraphProto = (function() {
        function GraphProto(properties) {
          this.node = [];
          this.initializer = [];
          this.sparseInitializer = [];
          this.input = [];
          this.output = [];
          this.valueInfo = [];
          this.quantizationAnnotation = [];
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        GraphProto.prototype.node = $util.emptyArray;
        GraphProto.prototype.name = "";
        GraphProto.prototype.initializer = $util.emptyArray;
        GraphProto.prototype.sparseInitializer = $util.emptyArray;
        GraphProto.prototype.docString = "";
        GraphProto.prototype.input = $util.emptyArray;
        GraphProto.prototype.output = $util.emptyArray;
        GraphProto.prototype.valueInfo = $util.emptyArray;
        GraphProto.prototype.quantizationAnnotation = $util.emptyArray;
        GraphProto.create = function create(properties) {
          return new GraphProto(properties);
        };
        GraphProto.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.node != null && message.node.length)
            for (var i = 0; i < message.node.length; ++i)
              $root.onnx.NodeProto.encode(message.node[i], writer.uint32(
                /* id 1, wireType 2 =*/
                10
              ).fork()).ldelim();
          if (message.name != null && Object.hasOwnProperty.call(message, "name"))
            writer.uint32(
              /* id 2, wireType 2 =*/
              18
            ).string(message.name);
          if (message.initializer != null && message.initializer.length)
            for (var i = 0; i < message.initializer.length; ++i)
              $root.onnx.TensorProto.encode(message.initializer[i], writer.uint32(
                /* id 5, wireType 2 =*/
                42
              ).fork()).ldelim();
          if (message.docString != null && Object.hasOwnProperty.call(message, "docString"))
            writer.uint32(
              /* id 10, wireType 2 =*/
              82
            ).string(message.docString);
          if (message.input != null && message.input.length)
            for (var i = 0; i < message.input.length; ++i)
              $root.onnx.ValueInfoProto.encode(message.input[i], writer.uint32(
                /* id 11, wireType 2 =*/
                90
              ).fork()).ldelim();
          if (message.output != null && message.output.length)
            for (var i = 0; i < message.output.length; ++i)
              $root.onnx.ValueInfoProto.encode(message.output[i], writer.uint32(
                /* id 12, wireType 2 =*/
                98
              ).fork()).ldelim();
          if (message.valueInfo != null && message.valueInfo.length)
            for (var i = 0; i < message.valueInfo.length; ++i)
              $root.onnx.ValueInfoProto.encode(message.valueInfo[i], writer.uint32(
                /* id 13, wireType 2 =*/
                106
              ).fork()).ldelim();
          if (message.quantizationAnnotation != null && message.quantizationAnnotation.length)
            for (var i = 0; i < message.quantizationAnnotation.length; ++i)
              $root.onnx.TensorAnnotation.encode(message.quantizationAnnotation[i], writer.uint32(
                /* id 14, wireType 2 =*/
                114
              ).fork()).ldelim();
          if (message.sparseInitializer != null && message.sparseInitializer.length)
            for (var i = 0; i < message.sparseInitializer.length; ++i)
              $root.onnx.SparseTensorProto.encode(message.sparseInitializer[i], writer.uint32(
                /* id 15, wireType 2 =*/
                122
              ).fork()).ldelim();
          return writer;
        };
        GraphProto.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        GraphProto.decode = function decode(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.GraphProto();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                if (!(message.node && message.node.length))
                  message.node = [];
                message.node.push($root.onnx.NodeProto.decode(reader, reader.uint32()));
                break;
              case 2:
                message.name = reader.string();
                break;
              case 5:
                if (!(message.initializer && message.initializer.length))
                  message.initializer = [];
                message.initializer.push($root.onnx.TensorProto.decode(reader, reader.uint32()));
                break;
              case 15:
                if (!(message.sparseInitializer && message.sparseInitializer.length))
                  message.sparseInitializer = [];
                message.sparseInitializer.push($root.onnx.SparseTensorProto.decode(reader, reader.uint32()));
                break;
              case 10:
                message.docString = reader.string();
                break;
              case 11:
                if (!(message.input && message.input.length))
                  message.input = [];
                message.input.push($root.onnx.ValueInfoProto.decode(reader, reader.uint32()));
                break;
              case 12:
                if (!(message.output && message.output.length))
                  message.output = [];
                message.output.push($root.onnx.ValueInfoProto.decode(reader, reader.uint32()));
                break;
              case 13:
                if (!(message.valueInfo && message.valueInfo.length))
                  message.valueInfo = [];
                message.valueInfo.push($root.onnx.ValueInfoProto.decode(reader, reader.uint32()));
                break;
              case 14:
                if (!(message.quantizationAnnotation && message.quantizationAnnotation.length))
                  message.quantizationAnnotation = [];
                message.quantizationAnnotation.push($root.onnx.TensorAnnotation.decode(reader, reader.uint32()));
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        GraphProto.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        GraphProto.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          if (message.node != null && message.hasOwnProperty("node")) {
            if (!Array.isArray(message.node))
              return "node: array expected";
            for (var i = 0; i < message.node.length; ++i) {
              var error = $root.onnx.NodeProto.verify(message.node[i]);
              if (error)
                return "node." + error;
            }
          }
          if (message.name != null && message.hasOwnProperty("name")) {
            if (!$util.isString(message.name))
              return "name: string expected";
          }
          if (message.initializer != null && message.hasOwnProperty("initializer")) {
            if (!Array.isArray(message.initializer))
              return "initializer: array expected";
            for (var i = 0; i < message.initializer.length; ++i) {
              var error = $root.onnx.TensorProto.verify(message.initializer[i]);
              if (error)
                return "initializer." + error;
            }
          }
          if (message.sparseInitializer != null && message.hasOwnProperty("sparseInitializer")) {
            if (!Array.isArray(message.sparseInitializer))
              return "sparseInitializer: array expected";
            for (var i = 0; i < message.sparseInitializer.length; ++i) {
              var error = $root.onnx.SparseTensorProto.verify(message.sparseInitializer[i]);
              if (error)
                return "sparseInitializer." + error;
            }
          }
          if (message.docString != null && message.hasOwnProperty("docString")) {
            if (!$util.isString(message.docString))
              return "docString: string expected";
          }
          if (message.input != null && message.hasOwnProperty("input")) {
            if (!Array.isArray(message.input))
              return "input: array expected";
            for (var i = 0; i < message.input.length; ++i) {
              var error = $root.onnx.ValueInfoProto.verify(message.input[i]);
              if (error)
                return "input." + error;
            }
          }
          if (message.output != null && message.hasOwnProperty("output")) {
            if (!Array.isArray(message.output))
              return "output: array expected";
            for (var i = 0; i < message.output.length; ++i) {
              var error = $root.onnx.ValueInfoProto.verify(message.output[i]);
              if (error)
                return "output." + error;
            }
          }
          if (message.valueInfo != null && message.hasOwnProperty("valueInfo")) {
            if (!Array.isArray(message.valueInfo))
              return "valueInfo: array expected";
            for (var i = 0; i < message.valueInfo.length; ++i) {
              var error = $root.onnx.ValueInfoProto.verify(message.valueInfo[i]);
              if (error)
                return "valueInfo." + error;
            }
          }
          if (message.quantizationAnnotation != null && message.hasOwnProperty("quantizationAnnotation")) {
            if (!Array.isArray(message.quantizationAnnotation))
              return "quantizationAnnotation: array expected";
            for (var i = 0; i < message.quantizationAnnotation.length; ++i) {
              var error = $root.onnx.TensorAnnotation.verify(message.quantizationAnnotation[i]);
              if (error)
                return "quantizationAnnotation." + error;
            }
          }
          return null;
        };
        GraphProto.fromObject = function fromObject(object) {
          if (object instanceof $root.onnx.GraphProto)
            return object;
          var message = new $root.onnx.GraphProto();
          if (object.node) {
            if (!Array.isArray(object.node))
              throw TypeError(".onnx.GraphProto.node: array expected");
            message.node = [];
            for (var i = 0; i < object.node.length; ++i) {
              if (typeof object.node[i] !== "object")
                throw TypeError(".onnx.GraphProto.node: object expected");
              message.node[i] = $root.onnx.NodeProto.fromObject(object.node[i]);
            }
          }
          if (object.name != null)
            message.name = String(object.name);
          if (object.initializer) {
            if (!Array.isArray(object.initializer))
              throw TypeError(".onnx.GraphProto.initializer: array expected");
            message.initializer = [];
            for (var i = 0; i < object.initializer.length; ++i) {
              if (typeof object.initializer[i] !== "object")
                throw TypeError(".onnx.GraphProto.initializer: object expected");
              message.initializer[i] = $root.onnx.TensorProto.fromObject(object.initializer[i]);
            }
          }
          if (object.sparseInitializer) {
            if (!Array.isArray(object.sparseInitializer))
              throw TypeError(".onnx.GraphProto.sparseInitializer: array expected");
            message.sparseInitializer = [];
            for (var i = 0; i < object.sparseInitializer.length; ++i) {
              if (typeof object.sparseInitializer[i] !== "object")
                throw TypeError(".onnx.GraphProto.sparseInitializer: object expected");
              message.sparseInitializer[i] = $root.onnx.SparseTensorProto.fromObject(object.sparseInitializer[i]);
            }
          }
          if (object.docString != null)
            message.docString = String(object.docString);
          if (object.input) {
            if (!Array.isArray(object.input))
              throw TypeError(".onnx.GraphProto.input: array expected");
            message.input = [];
            for (var i = 0; i < object.input.length; ++i) {
              if (typeof object.input[i] !== "object")
                throw TypeError(".onnx.GraphProto.input: object expected");
              message.input[i] = $root.onnx.ValueInfoProto.fromObject(object.input[i]);
            }
          }
          if (object.output) {
            if (!Array.isArray(object.output))
              throw TypeError(".onnx.GraphProto.output: array expected");
            message.output = [];
            for (var i = 0; i < object.output.length; ++i) {
              if (typeof object.output[i] !== "object")
                throw TypeError(".onnx.GraphProto.output: object expected");
              message.output[i] = $root.onnx.ValueInfoProto.fromObject(object.output[i]);
            }
          }
          if (object.valueInfo) {
            if (!Array.isArray(object.valueInfo))
              throw TypeError(".onnx.GraphProto.valueInfo: array expected");
            message.valueInfo = [];
            for (var i = 0; i < object.valueInfo.length; ++i) {
              if (typeof object.valueInfo[i] !== "object")
                throw TypeError(".onnx.GraphProto.valueInfo: object expected");
              message.valueInfo[i] = $root.onnx.ValueInfoProto.fromObject(object.valueInfo[i]);
            }
          }
          if (object.quantizationAnnotation) {
            if (!Array.isArray(object.quantizationAnnotation))
              throw TypeError(".onnx.GraphProto.quantizationAnnotation: array expected");
            message.quantizationAnnotation = [];
            for (var i = 0; i < object.quantizationAnnotation.length; ++i) {
              if (typeof object.quantizationAnnotation[i] !== "object")
                throw TypeError(".onnx.GraphProto.quantizationAnnotation: object expected");
              message.quantizationAnnotation[i] = $root.onnx.TensorAnnotation.fromObject(object.quantizationAnnotation[i]);
            }
          }
          return message;
        };
        GraphProto.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object = {};
          if (options.arrays || options.defaults) {
            object.node = [];
            object.initializer = [];
            object.input = [];
            object.output = [];
            object.valueInfo = [];
            object.quantizationAnnotation = [];
            object.sparseInitializer = [];
          }
          if (options.defaults) {
            object.name = "";
            object.docString = "";
          }
          if (message.node && message.node.length) {
            object.node = [];
            for (var j = 0; j < message.node.length; ++j)
              object.node[j] = $root.onnx.NodeProto.toObject(message.node[j], options);
          }
          if (message.name != null && message.hasOwnProperty("name"))
            object.name = message.name;
          if (message.initializer && message.initializer.length) {
            object.initializer = [];
            for (var j = 0; j < message.initializer.length; ++j)
              object.initializer[j] = $root.onnx.TensorProto.toObject(message.initializer[j], options);
          }
          if (message.docString != null && message.hasOwnProperty("docString"))
            object.docString = message.docString;
          if (message.input && message.input.length) {
            object.input = [];
            for (var j = 0; j < message.input.length; ++j)
              object.input[j] = $root.onnx.ValueInfoProto.toObject(message.input[j], options);
          }
          if (message.output && message.output.length) {
            object.output = [];
            for (var j = 0; j < message.output.length; ++j)
              object.output[j] = $root.onnx.ValueInfoProto.toObject(message.output[j], options);
          }
          if (message.valueInfo && message.valueInfo.length) {
            object.valueInfo = [];
            for (var j = 0; j < message.valueInfo.length; ++j)
              object.valueInfo[j] = $root.onnx.ValueInfoProto.toObject(message.valueInfo[j], options);
          }
          if (message.quantizationAnnotation && message.quantizationAnnotation.length) {
            object.quantizationAnnotation = [];
            for (var j = 0; j < message.quantizationAnnotation.length; ++j)
              object.quantizationAnnotation[j] = $root.onnx.TensorAnnotation.toObject(message.quantizationAnnotation[j], options);
          }
          if (message.sparseInitializer && message.sparseInitializer.length) {
            object.sparseInitializer = [];
            for (var j = 0; j < message.sparseInitializer.length; ++j)
              object.sparseInitializer[j] = $root.onnx.SparseTensorProto.toObject(message.sparseInitializer[j], options);
          }
          return object;
        };
        GraphProto.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        return GraphProto;
      })();
      onnx2.TensorProto = (function() {
        function TensorProto(properties) {
          this.dims = [];
          this.floatData = [];
          this.int32Data = [];
          this.stringData = [];
          this.int64Data = [];
          this.externalData = [];
          this.doubleData = [];
          this.uint64Data = [];
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        TensorProto.prototype.dims = $util.emptyArray;
        TensorProto.prototype.dataType = 0;
        TensorProto.prototype.segment = null;
        TensorProto.prototype.floatData = $util.emptyArray;
        TensorProto.prototype.int32Data = $util.emptyArray;
        TensorProto.prototype.stringData = $util.emptyArray;
        TensorProto.prototype.int64Data = $util.emptyArray;
        TensorProto.prototype.name = "";
        TensorProto.prototype.docString = "";
        TensorProto.prototype.rawData = $util.newBuffer([]);
        TensorProto.prototype.externalData = $util.emptyArray;
        TensorProto.prototype.dataLocation = 0;
        TensorProto.prototype.doubleData = $util.emptyArray;
        TensorProto.prototype.uint64Data = $util.emptyArray;
        TensorProto.create = function create(properties) {
          return new TensorProto(properties);
        };
        TensorProto.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.dims != null && message.dims.length) {
            writer.uint32(
              /* id 1, wireType 2 =*/
              10
            ).fork();
            for (var i = 0; i < message.dims.length; ++i)
              writer.int64(message.dims[i]);
            writer.ldelim();
          }
          if (message.dataType != null && Object.hasOwnProperty.call(message, "dataType"))
            writer.uint32(
              /* id 2, wireType 0 =*/
              16
            ).int32(message.dataType);
          if (message.segment != null && Object.hasOwnProperty.call(message, "segment"))
            $root.onnx.TensorProto.Segment.encode(message.segment, writer.uint32(
              /* id 3, wireType 2 =*/
              26
            ).fork()).ldelim();
          if (message.floatData != null && message.floatData.length) {
            writer.uint32(
              /* id 4, wireType 2 =*/
              34
            ).fork();
            for (var i = 0; i < message.floatData.length; ++i)
              writer.float(message.floatData[i]);
            writer.ldelim();
          }
          if (message.int32Data != null && message.int32Data.length) {
            writer.uint32(
              /* id 5, wireType 2 =*/
              42
            ).fork();
            for (var i = 0; i < message.int32Data.length; ++i)
              writer.int32(message.int32Data[i]);
            writer.ldelim();
          }
          if (message.stringData != null && message.stringData.length)
            for (var i = 0; i < message.stringData.length; ++i)
              writer.uint32(
                /* id 6, wireType 2 =*/
                50
              ).bytes(message.stringData[i]);
          if (message.int64Data != null && message.int64Data.length) {
            writer.uint32(
              /* id 7, wireType 2 =*/
              58
            ).fork();
            for (var i = 0; i < message.int64Data.length; ++i)
              writer.int64(message.int64Data[i]);
            writer.ldelim();
          }
          if (message.name != null && Object.hasOwnProperty.call(message, "name"))
            writer.uint32(
              /* id 8, wireType 2 =*/
              66
            ).string(message.name);
          if (message.rawData != null && Object.hasOwnProperty.call(message, "rawData"))
            writer.uint32(
              /* id 9, wireType 2 =*/
              74
            ).bytes(message.rawData);
          if (message.doubleData != null && message.doubleData.length) {
            writer.uint32(
              /* id 10, wireType 2 =*/
              82
            ).fork();
            for (var i = 0; i < message.doubleData.length; ++i)
              writer.double(message.doubleData[i]);
            writer.ldelim();
          }
          if (message.uint64Data != null && message.uint64Data.length) {
            writer.uint32(
              /* id 11, wireType 2 =*/
              90
            ).fork();
            for (var i = 0; i < message.uint64Data.length; ++i)
              writer.uint64(message.uint64Data[i]);
            writer.ldelim();
          }
          if (message.docString != null && Object.hasOwnProperty.call(message, "docString"))
            writer.uint32(
              /* id 12, wireType 2 =*/
              98
            ).string(message.docString);
          if (message.externalData != null && message.externalData.length)
            for (var i = 0; i < message.externalData.length; ++i)
              $root.onnx.StringStringEntryProto.encode(message.externalData[i], writer.uint32(
                /* id 13, wireType 2 =*/
                106
              ).fork()).ldelim();
          if (message.dataLocation != null && Object.hasOwnProperty.call(message, "dataLocation"))
            writer.uint32(
              /* id 14, wireType 0 =*/
              112
            ).int32(message.dataLocation);
          return writer;
        };
        TensorProto.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        TensorProto.decode = function decode(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.TensorProto();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                if (!(message.dims && message.dims.length))
                  message.dims = [];
                if ((tag & 7) === 2) {
                  var end2 = reader.uint32() + reader.pos;
                  while (reader.pos < end2)
                    message.dims.push(reader.int64());
                } else
                  message.dims.push(reader.int64());
                break;
              case 2:
                message.dataType = reader.int32();
                break;
              case 3:
                message.segment = $root.onnx.TensorProto.Segment.decode(reader, reader.uint32());
                break;
              case 4:
                if (!(message.floatData && message.floatData.length))
                  message.floatData = [];
                if ((tag & 7) === 2) {
                  var end2 = reader.uint32() + reader.pos;
                  while (reader.pos < end2)
                    message.floatData.push(reader.float());
                } else
                  message.floatData.push(reader.float());
                break;
              case 5:
                if (!(message.int32Data && message.int32Data.length))
                  message.int32Data = [];
                if ((tag & 7) === 2) {
                  var end2 = reader.uint32() + reader.pos;
                  while (reader.pos < end2)
                    message.int32Data.push(reader.int32());
                } else
                  message.int32Data.push(reader.int32());
                break;
              case 6:
                if (!(message.stringData && message.stringData.length))
                  message.stringData = [];
                message.stringData.push(reader.bytes());
                break;
              case 7:
                if (!(message.int64Data && message.int64Data.length))
                  message.int64Data = [];
                if ((tag & 7) === 2) {
                  var end2 = reader.uint32() + reader.pos;
                  while (reader.pos < end2)
                    message.int64Data.push(reader.int64());
                } else
                  message.int64Data.push(reader.int64());
                break;
              case 8:
                message.name = reader.string();
                break;
              case 12:
                message.docString = reader.string();
                break;
              case 9:
                message.rawData = reader.bytes();
                break;
              case 13:
                if (!(message.externalData && message.externalData.length))
                  message.externalData = [];
                message.externalData.push($root.onnx.StringStringEntryProto.decode(reader, reader.uint32()));
                break;
              case 14:
                message.dataLocation = reader.int32();
                break;
              case 10:
                if (!(message.doubleData && message.doubleData.length))
                  message.doubleData = [];
                if ((tag & 7) === 2) {
                  var end2 = reader.uint32() + reader.pos;
                  while (reader.pos < end2)
                    message.doubleData.push(reader.double());
                } else
                  message.doubleData.push(reader.double());
                break;
              case 11:
                if (!(message.uint64Data && message.uint64Data.length))
                  message.uint64Data = [];
                if ((tag & 7) === 2) {
                  var end2 = reader.uint32() + reader.pos;
                  while (reader.pos < end2)
                    message.uint64Data.push(reader.uint64());
                } else
                  message.uint64Data.push(reader.uint64());
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        TensorProto.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        TensorProto.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          if (message.dims != null && message.hasOwnProperty("dims")) {
            if (!Array.isArray(message.dims))
              return "dims: array expected";
            for (var i = 0; i < message.dims.length; ++i)
              if (!$util.isInteger(message.dims[i]) && !(message.dims[i] && $util.isInteger(message.dims[i].low) && $util.isInteger(message.dims[i].high)))
                return "dims: integer|Long[] expected";
          }
          if (message.dataType != null && message.hasOwnProperty("dataType")) {
            if (!$util.isInteger(message.dataType))
              return "dataType: integer expected";
          }
          if (message.segment != null && message.hasOwnProperty("segment")) {
            var error = $root.onnx.TensorProto.Segment.verify(message.segment);
            if (error)
              return "segment." + error;
          }
          if (message.floatData != null && message.hasOwnProperty("floatData")) {
            if (!Array.isArray(message.floatData))
              return "floatData: array expected";
            for (var i = 0; i < message.floatData.length; ++i)
              if (typeof message.floatData[i] !== "number")
                return "floatData: number[] expected";
          }
          if (message.int32Data != null && message.hasOwnProperty("int32Data")) {
            if (!Array.isArray(message.int32Data))
              return "int32Data: array expected";
            for (var i = 0; i < message.int32Data.length; ++i)
              if (!$util.isInteger(message.int32Data[i]))
                return "int32Data: integer[] expected";
          }
          if (message.stringData != null && message.hasOwnProperty("stringData")) {
            if (!Array.isArray(message.stringData))
              return "stringData: array expected";
            for (var i = 0; i < message.stringData.length; ++i)
              if (!(message.stringData[i] && typeof message.stringData[i].length === "number" || $util.isString(message.stringData[i])))
                return "stringData: buffer[] expected";
          }
          if (message.int64Data != null && message.hasOwnProperty("int64Data")) {
            if (!Array.isArray(message.int64Data))
              return "int64Data: array expected";
            for (var i = 0; i < message.int64Data.length; ++i)
              if (!$util.isInteger(message.int64Data[i]) && !(message.int64Data[i] && $util.isInteger(message.int64Data[i].low) && $util.isInteger(message.int64Data[i].high)))
                return "int64Data: integer|Long[] expected";
          }
          if (message.name != null && message.hasOwnProperty("name")) {
            if (!$util.isString(message.name))
              return "name: string expected";
          }
          if (message.docString != null && message.hasOwnProperty("docString")) {
            if (!$util.isString(message.docString))
              return "docString: string expected";
          }
          if (message.rawData != null && message.hasOwnProperty("rawData")) {
            if (!(message.rawData && typeof message.rawData.length === "number" || $util.isString(message.rawData)))
              return "rawData: buffer expected";
          }
          if (message.externalData != null && message.hasOwnProperty("externalData")) {
            if (!Array.isArray(message.externalData))
              return "externalData: array expected";
            for (var i = 0; i < message.externalData.length; ++i) {
              var error = $root.onnx.StringStringEntryProto.verify(message.externalData[i]);
              if (error)
                return "externalData." + error;
            }
          }
          if (message.dataLocation != null && message.hasOwnProperty("dataLocation"))
            switch (message.dataLocation) {
              default:
                return "dataLocation: enum value expected";
              case 0:
              case 1:
                break;
            }
          if (message.doubleData != null && message.hasOwnProperty("doubleData")) {
            if (!Array.isArray(message.doubleData))
              return "doubleData: array expected";
            for (var i = 0; i < message.doubleData.length; ++i)
              if (typeof message.doubleData[i] !== "number")
                return "doubleData: number[] expected";
          }
          if (message.uint64Data != null && message.hasOwnProperty("uint64Data")) {
            if (!Array.isArray(message.uint64Data))
              return "uint64Data: array expected";
            for (var i = 0; i < message.uint64Data.length; ++i)
              if (!$util.isInteger(message.uint64Data[i]) && !(message.uint64Data[i] && $util.isInteger(message.uint64Data[i].low) && $util.isInteger(message.uint64Data[i].high)))
                return "uint64Data: integer|Long[] expected";
          }
          return null;
        };
        TensorProto.fromObject = function fromObject(object) {
          if (object instanceof $root.onnx.TensorProto)
            return object;
          var message = new $root.onnx.TensorProto();
          if (object.dims) {
            if (!Array.isArray(object.dims))
              throw TypeError(".onnx.TensorProto.dims: array expected");
            message.dims = [];
            for (var i = 0; i < object.dims.length; ++i)
              if ($util.Long)
                (message.dims[i] = $util.Long.fromValue(object.dims[i])).unsigned = false;
              else if (typeof object.dims[i] === "string")
                message.dims[i] = parseInt(object.dims[i], 10);
              else if (typeof object.dims[i] === "number")
                message.dims[i] = object.dims[i];
              else if (typeof object.dims[i] === "object")
                message.dims[i] = new $util.LongBits(object.dims[i].low >>> 0, object.dims[i].high >>> 0).toNumber();
          }
          if (object.dataType != null)
            message.dataType = object.dataType | 0;
          if (object.segment != null) {
            if (typeof object.segment !== "object")
              throw TypeError(".onnx.TensorProto.segment: object expected");
            message.segment = $root.onnx.TensorProto.Segment.fromObject(object.segment);
          }
          if (object.floatData) {
            if (!Array.isArray(object.floatData))
              throw TypeError(".onnx.TensorProto.floatData: array expected");
            message.floatData = [];
            for (var i = 0; i < object.floatData.length; ++i)
              message.floatData[i] = Number(object.floatData[i]);
          }
          if (object.int32Data) {
            if (!Array.isArray(object.int32Data))
              throw TypeError(".onnx.TensorProto.int32Data: array expected");
            message.int32Data = [];
            for (var i = 0; i < object.int32Data.length; ++i)
              message.int32Data[i] = object.int32Data[i] | 0;
          }
          if (object.stringData) {
            if (!Array.isArray(object.stringData))
              throw TypeError(".onnx.TensorProto.stringData: array expected");
            message.stringData = [];
            for (var i = 0; i < object.stringData.length; ++i)
              if (typeof object.stringData[i] === "string")
                $util.base64.decode(object.stringData[i], message.stringData[i] = $util.newBuffer($util.base64.length(object.stringData[i])), 0);
              else if (object.stringData[i].length)
                message.stringData[i] = object.stringData[i];
          }
          if (object.int64Data) {
            if (!Array.isArray(object.int64Data))
              throw TypeError(".onnx.TensorProto.int64Data: array expected");
            message.int64Data = [];
            for (var i = 0; i < object.int64Data.length; ++i)
              if ($util.Long)
                (message.int64Data[i] = $util.Long.fromValue(object.int64Data[i])).unsigned = false;
              else if (typeof object.int64Data[i] === "string")
                message.int64Data[i] = parseInt(object.int64Data[i], 10);
              else if (typeof object.int64Data[i] === "number")
                message.int64Data[i] = object.int64Data[i];
              else if (typeof object.int64Data[i] === "object")
                message.int64Data[i] = new $util.LongBits(object.int64Data[i].low >>> 0, object.int64Data[i].high >>> 0).toNumber();
          }
          if (object.name != null)
            message.name = String(object.name);
          if (object.docString != null)
            message.docString = String(object.docString);
          if (object.rawData != null) {
            if (typeof object.rawData === "string")
              $util.base64.decode(object.rawData, message.rawData = $util.newBuffer($util.base64.length(object.rawData)), 0);
            else if (object.rawData.length)
              message.rawData = object.rawData;
          }
          if (object.externalData) {
            if (!Array.isArray(object.externalData))
              throw TypeError(".onnx.TensorProto.externalData: array expected");
            message.externalData = [];
            for (var i = 0; i < object.externalData.length; ++i) {
              if (typeof object.externalData[i] !== "object")
                throw TypeError(".onnx.TensorProto.externalData: object expected");
              message.externalData[i] = $root.onnx.StringStringEntryProto.fromObject(object.externalData[i]);
            }
          }
          switch (object.dataLocation) {
            case "DEFAULT":
            case 0:
              message.dataLocation = 0;
              break;
            case "EXTERNAL":
            case 1:
              message.dataLocation = 1;
              break;
          }
          if (object.doubleData) {
            if (!Array.isArray(object.doubleData))
              throw TypeError(".onnx.TensorProto.doubleData: array expected");
            message.doubleData = [];
            for (var i = 0; i < object.doubleData.length; ++i)
              message.doubleData[i] = Number(object.doubleData[i]);
          }
          if (object.uint64Data) {
            if (!Array.isArray(object.uint64Data))
              throw TypeError(".onnx.TensorProto.uint64Data: array expected");
            message.uint64Data = [];
            for (var i = 0; i < object.uint64Data.length; ++i)
              if ($util.Long)
                (message.uint64Data[i] = $util.Long.fromValue(object.uint64Data[i])).unsigned = true;
              else if (typeof object.uint64Data[i] === "string")
                message.uint64Data[i] = parseInt(object.uint64Data[i], 10);
              else if (typeof object.uint64Data[i] === "number")
                message.uint64Data[i] = object.uint64Data[i];
              else if (typeof object.uint64Data[i] === "object")
                message.uint64Data[i] = new $util.LongBits(object.uint64Data[i].low >>> 0, object.uint64Data[i].high >>> 0).toNumber(true);
          }
          return message;
        };
        TensorProto.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object = {};
          if (options.arrays || options.defaults) {
            object.dims = [];
            object.floatData = [];
            object.int32Data = [];
            object.stringData = [];
            object.int64Data = [];
            object.doubleData = [];
            object.uint64Data = [];
            object.externalData = [];
          }
          if (options.defaults) {
            object.dataType = 0;
            object.segment = null;
            object.name = "";
            if (options.bytes === String)
              object.rawData = "";
            else {
              object.rawData = [];
              if (options.bytes !== Array)
                object.rawData = $util.newBuffer(object.rawData);
            }
            object.docString = "";
            object.dataLocation = options.enums === String ? "DEFAULT" : 0;
          }
          if (message.dims && message.dims.length) {
            object.dims = [];
            for (var j = 0; j < message.dims.length; ++j)
              if (typeof message.dims[j] === "number")
                object.dims[j] = options.longs === String ? String(message.dims[j]) : message.dims[j];
              else
                object.dims[j] = options.longs === String ? $util.Long.prototype.toString.call(message.dims[j]) : options.longs === Number ? new $util.LongBits(message.dims[j].low >>> 0, message.dims[j].high >>> 0).toNumber() : message.dims[j];
          }
          if (message.dataType != null && message.hasOwnProperty("dataType"))
            object.dataType = message.dataType;
          if (message.segment != null && message.hasOwnProperty("segment"))
            object.segment = $root.onnx.TensorProto.Segment.toObject(message.segment, options);
          if (message.floatData && message.floatData.length) {
            object.floatData = [];
            for (var j = 0; j < message.floatData.length; ++j)
              object.floatData[j] = options.json && !isFinite(message.floatData[j]) ? String(message.floatData[j]) : message.floatData[j];
          }
          if (message.int32Data && message.int32Data.length) {
            object.int32Data = [];
            for (var j = 0; j < message.int32Data.length; ++j)
              object.int32Data[j] = message.int32Data[j];
          }
          if (message.stringData && message.stringData.length) {
            object.stringData = [];
            for (var j = 0; j < message.stringData.length; ++j)
              object.stringData[j] = options.bytes === String ? $util.base64.encode(message.stringData[j], 0, message.stringData[j].length) : options.bytes === Array ? Array.prototype.slice.call(message.stringData[j]) : message.stringData[j];
          }
          if (message.int64Data && message.int64Data.length) {
            object.int64Data = [];
            for (var j = 0; j < message.int64Data.length; ++j)
              if (typeof message.int64Data[j] === "number")
                object.int64Data[j] = options.longs === String ? String(message.int64Data[j]) : message.int64Data[j];
              else
                object.int64Data[j] = options.longs === String ? $util.Long.prototype.toString.call(message.int64Data[j]) : options.longs === Number ? new $util.LongBits(message.int64Data[j].low >>> 0, message.int64Data[j].high >>> 0).toNumber() : message.int64Data[j];
          }
          if (message.name != null && message.hasOwnProperty("name"))
            object.name = message.name;
          if (message.rawData != null && message.hasOwnProperty("rawData"))
            object.rawData = options.bytes === String ? $util.base64.encode(message.rawData, 0, message.rawData.length) : options.bytes === Array ? Array.prototype.slice.call(message.rawData) : message.rawData;
          if (message.doubleData && message.doubleData.length) {
            object.doubleData = [];
            for (var j = 0; j < message.doubleData.length; ++j)
              object.doubleData[j] = options.json && !isFinite(message.doubleData[j]) ? String(message.doubleData[j]) : message.doubleData[j];
          }
          if (message.uint64Data && message.uint64Data.length) {
            object.uint64Data = [];
            for (var j = 0; j < message.uint64Data.length; ++j)
              if (typeof message.uint64Data[j] === "number")
                object.uint64Data[j] = options.longs === String ? String(message.uint64Data[j]) : message.uint64Data[j];
              else
                object.uint64Data[j] = options.longs === String ? $util.Long.prototype.toString.call(message.uint64Data[j]) : options.longs === Number ? new $util.LongBits(message.uint64Data[j].low >>> 0, message.uint64Data[j].high >>> 0).toNumber(true) : message.uint64Data[j];
          }
          if (message.docString != null && message.hasOwnProperty("docString"))
            object.docString = message.docString;
          if (message.externalData && message.externalData.length) {
            object.externalData = [];
            for (var j = 0; j < message.externalData.length; ++j)
              object.externalData[j] = $root.onnx.StringStringEntryProto.toObject(message.externalData[j], options);
          }
          if (message.dataLocation != null && message.hasOwnProperty("dataLocation"))
            object.dataLocation = options.enums === String ? $root.onnx.TensorProto.DataLocation[message.dataLocation] : message.dataLocation;
          return object;
        };
        TensorProto.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        TensorProto.DataType = (function() {
          var valuesById = {}, values = Object.create(valuesById);
          values[valuesById[0] = "UNDEFINED"] = 0;
          values[valuesById[1] = "FLOAT"] = 1;
          values[valuesById[2] = "UINT8"] = 2;
          values[valuesById[3] = "INT8"] = 3;
          values[valuesById[4] = "UINT16"] = 4;
          values[valuesById[5] = "INT16"] = 5;
          values[valuesById[6] = "INT32"] = 6;
          values[valuesById[7] = "INT64"] = 7;
          values[valuesById[8] = "STRING"] = 8;
          values[valuesById[9] = "BOOL"] = 9;
          values[valuesById[10] = "FLOAT16"] = 10;
          values[valuesById[11] = "DOUBLE"] = 11;
          values[valuesById[12] = "UINT32"] = 12;
          values[valuesById[13] = "UINT64"] = 13;
          values[valuesById[14] = "COMPLEX64"] = 14;
          values[valuesById[15] = "COMPLEX128"] = 15;
          values[valuesById[16] = "BFLOAT16"] = 16;
          return values;
        })();
        TensorProto.Segment = (function() {
          function Segment(properties) {
            if (properties) {
              for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                if (properties[keys[i]] != null)
                  this[keys[i]] = properties[keys[i]];
            }
          }
          Segment.prototype.begin = $util.Long ? $util.Long.fromBits(0, 0, false) : 0;
          Segment.prototype.end = $util.Long ? $util.Long.fromBits(0, 0, false) : 0;
          Segment.create = function create(properties) {
            return new Segment(properties);
          };
          Segment.encode = function encode(message, writer) {
            if (!writer)
              writer = $Writer.create();
            if (message.begin != null && Object.hasOwnProperty.call(message, "begin"))
              writer.uint32(
                /* id 1, wireType 0 =*/
                8
              ).int64(message.begin);
            if (message.end != null && Object.hasOwnProperty.call(message, "end"))
              writer.uint32(
                /* id 2, wireType 0 =*/
                16
              ).int64(message.end);
            return writer;
          };
          Segment.encodeDelimited = function encodeDelimited(message, writer) {
            return this.encode(message, writer).ldelim();
          };
          Segment.decode = function decode(reader, length) {
            if (!(reader instanceof $Reader))
              reader = $Reader.create(reader);
            var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.TensorProto.Segment();
            while (reader.pos < end) {
              var tag = reader.uint32();
              switch (tag >>> 3) {
                case 1:
                  message.begin = reader.int64();
                  break;
                case 2:
                  message.end = reader.int64();
                  break;
                default:
                  reader.skipType(tag & 7);
                  break;
              }
            }
            return message;
          };
          Segment.decodeDelimited = function decodeDelimited(reader) {
            if (!(reader instanceof $Reader))
              reader = new $Reader(reader);
            return this.decode(reader, reader.uint32());
          };
          Segment.verify = function verify(message) {
            if (typeof message !== "object" || message === null)
              return "object expected";
            if (message.begin != null && message.hasOwnProperty("begin")) {
              if (!$util.isInteger(message.begin) && !(message.begin && $util.isInteger(message.begin.low) && $util.isInteger(message.begin.high)))
                return "begin: integer|Long expected";
            }
            if (message.end != null && message.hasOwnProperty("end")) {
              if (!$util.isInteger(message.end) && !(message.end && $util.isInteger(message.end.low) && $util.isInteger(message.end.high)))
                return "end: integer|Long expected";
            }
            return null;
          };
          Segment.fromObject = function fromObject(object) {
            if (object instanceof $root.onnx.TensorProto.Segment)
              return object;
            var message = new $root.onnx.TensorProto.Segment();
            if (object.begin != null) {
              if ($util.Long)
                (message.begin = $util.Long.fromValue(object.begin)).unsigned = false;
              else if (typeof object.begin === "string")
                message.begin = parseInt(object.begin, 10);
              else if (typeof object.begin === "number")
                message.begin = object.begin;
              else if (typeof object.begin === "object")
                message.begin = new $util.LongBits(object.begin.low >>> 0, object.begin.high >>> 0).toNumber();
            }
            if (object.end != null) {
              if ($util.Long)
                (message.end = $util.Long.fromValue(object.end)).unsigned = false;
              else if (typeof object.end === "string")
                message.end = parseInt(object.end, 10);
              else if (typeof object.end === "number")
                message.end = object.end;
              else if (typeof object.end === "object")
                message.end = new $util.LongBits(object.end.low >>> 0, object.end.high >>> 0).toNumber();
            }
            return message;
          };
          Segment.toObject = function toObject(message, options) {
            if (!options)
              options = {};
            var object = {};
            if (options.defaults) {
              if ($util.Long) {
                var long = new $util.Long(0, 0, false);
                object.begin = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
              } else
                object.begin = options.longs === String ? "0" : 0;
              if ($util.Long) {
                var long = new $util.Long(0, 0, false);
                object.end = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
              } else
                object.end = options.longs === String ? "0" : 0;
            }
            if (message.begin != null && message.hasOwnProperty("begin"))
              if (typeof message.begin === "number")
                object.begin = options.longs === String ? String(message.begin) : message.begin;
              else
                object.begin = options.longs === String ? $util.Long.prototype.toString.call(message.begin) : options.longs === Number ? new $util.LongBits(message.begin.low >>> 0, message.begin.high >>> 0).toNumber() : message.begin;
            if (message.end != null && message.hasOwnProperty("end"))
              if (typeof message.end === "number")
                object.end = options.longs === String ? String(message.end) : message.end;
              else
                object.end = options.longs === String ? $util.Long.prototype.toString.call(message.end) : options.longs === Number ? new $util.LongBits(message.end.low >>> 0, message.end.high >>> 0).toNumber() : message.end;
            return object;
          };
          Segment.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
          };
          return Segment;
        })();
        TensorProto.DataLocation = (function() {
          var valuesById = {}, values = Object.create(valuesById);
          values[valuesById[0] = "DEFAULT"] = 0;
          values[valuesById[1] = "EXTERNAL"] = 1;
          return values;
        })();
        return TensorProto;
      })();
      onnx2.SparseTensorProto = (function() {
        function SparseTensorProto(properties) {
          this.dims = [];
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        SparseTensorProto.prototype.values = null;
        SparseTensorProto.prototype.indices = null;
        SparseTensorProto.prototype.dims = $util.emptyArray;
        SparseTensorProto.create = function create(properties) {
          return new SparseTensorProto(properties);
        };
        SparseTensorProto.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.values != null && Object.hasOwnProperty.call(message, "values"))
            $root.onnx.TensorProto.encode(message.values, writer.uint32(
              /* id 1, wireType 2 =*/
              10
            ).fork()).ldelim();
          if (message.indices != null && Object.hasOwnProperty.call(message, "indices"))
            $root.onnx.TensorProto.encode(message.indices, writer.uint32(
              /* id 2, wireType 2 =*/
              18
            ).fork()).ldelim();
          if (message.dims != null && message.dims.length) {
            writer.uint32(
              /* id 3, wireType 2 =*/
              26
            ).fork();
            for (var i = 0; i < message.dims.length; ++i)
              writer.int64(message.dims[i]);
            writer.ldelim();
          }
          return writer;
        };
        SparseTensorProto.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        SparseTensorProto.decode = function decode(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.SparseTensorProto();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                message.values = $root.onnx.TensorProto.decode(reader, reader.uint32());
                break;
              case 2:
                message.indices = $root.onnx.TensorProto.decode(reader, reader.uint32());
                break;
              case 3:
                if (!(message.dims && message.dims.length))
                  message.dims = [];
                if ((tag & 7) === 2) {
                  var end2 = reader.uint32() + reader.pos;
                  while (reader.pos < end2)
                    message.dims.push(reader.int64());
                } else
                  message.dims.push(reader.int64());
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        SparseTensorProto.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        SparseTensorProto.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          if (message.values != null && message.hasOwnProperty("values")) {
            var error = $root.onnx.TensorProto.verify(message.values);
            if (error)
              return "values." + error;
          }
          if (message.indices != null && message.hasOwnProperty("indices")) {
            var error = $root.onnx.TensorProto.verify(message.indices);
            if (error)
              return "indices." + error;
          }
          if (message.dims != null && message.hasOwnProperty("dims")) {
            if (!Array.isArray(message.dims))
              return "dims: array expected";
            for (var i = 0; i < message.dims.length; ++i)
              if (!$util.isInteger(message.dims[i]) && !(message.dims[i] && $util.isInteger(message.dims[i].low) && $util.isInteger(message.dims[i].high)))
                return "dims: integer|Long[] expected";
          }
          return null;
        };
        SparseTensorProto.fromObject = function fromObject(object) {
          if (object instanceof $root.onnx.SparseTensorProto)
            return object;
          var message = new $root.onnx.SparseTensorProto();
          if (object.values != null) {
            if (typeof object.values !== "object")
              throw TypeError(".onnx.SparseTensorProto.values: object expected");
            message.values = $root.onnx.TensorProto.fromObject(object.values);
          }
          if (object.indices != null) {
            if (typeof object.indices !== "object")
              throw TypeError(".onnx.SparseTensorProto.indices: object expected");
            message.indices = $root.onnx.TensorProto.fromObject(object.indices);
          }
          if (object.dims) {
            if (!Array.isArray(object.dims))
              throw TypeError(".onnx.SparseTensorProto.dims: array expected");
            message.dims = [];
            for (var i = 0; i < object.dims.length; ++i)
              if ($util.Long)
                (message.dims[i] = $util.Long.fromValue(object.dims[i])).unsigned = false;
              else if (typeof object.dims[i] === "string")
                message.dims[i] = parseInt(object.dims[i], 10);
              else if (typeof object.dims[i] === "number")
                message.dims[i] = object.dims[i];
              else if (typeof object.dims[i] === "object")
                message.dims[i] = new $util.LongBits(object.dims[i].low >>> 0, object.dims[i].high >>> 0).toNumber();
          }
          return message;
        };
        SparseTensorProto.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object = {};
          if (options.arrays || options.defaults)
            object.dims = [];
          if (options.defaults) {
            object.values = null;
            object.indices = null;
          }
          if (message.values != null && message.hasOwnProperty("values"))
            object.values = $root.onnx.TensorProto.toObject(message.values, options);
          if (message.indices != null && message.hasOwnProperty("indices"))
            object.indices = $root.onnx.TensorProto.toObject(message.indices, options);
          if (message.dims && message.dims.length) {
            object.dims = [];
            for (var j = 0; j < message.dims.length; ++j)
              if (typeof message.dims[j] === "number")
                object.dims[j] = options.longs === String ? String(message.dims[j]) : message.dims[j];
              else
                object.dims[j] = options.longs === String ? $util.Long.prototype.toString.call(message.dims[j]) : options.longs === Number ? new $util.LongBits(message.dims[j].low >>> 0, message.dims[j].high >>> 0).toNumber() : message.dims[j];
          }
          return object;
        };
        SparseTensorProto.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        return SparseTensorProto;
      })();
      onnx2.TensorShapeProto = (function() {
        function TensorShapeProto(properties) {
          this.dim = [];
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        TensorShapeProto.prototype.dim = $util.emptyArray;
        TensorShapeProto.create = function create(properties) {
          return new TensorShapeProto(properties);
        };
        TensorShapeProto.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.dim != null && message.dim.length)
            for (var i = 0; i < message.dim.length; ++i)
              $root.onnx.TensorShapeProto.Dimension.encode(message.dim[i], writer.uint32(
                /* id 1, wireType 2 =*/
                10
              ).fork()).ldelim();
          return writer;
        };
        TensorShapeProto.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        TensorShapeProto.decode = function decode(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.TensorShapeProto();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                if (!(message.dim && message.dim.length))
                  message.dim = [];
                message.dim.push($root.onnx.TensorShapeProto.Dimension.decode(reader, reader.uint32()));
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        TensorShapeProto.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        TensorShapeProto.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          if (message.dim != null && message.hasOwnProperty("dim")) {
            if (!Array.isArray(message.dim))
              return "dim: array expected";
            for (var i = 0; i < message.dim.length; ++i) {
              var error = $root.onnx.TensorShapeProto.Dimension.verify(message.dim[i]);
              if (error)
                return "dim." + error;
            }
          }
          return null;
        };
        TensorShapeProto.fromObject = function fromObject(object) {
          if (object instanceof $root.onnx.TensorShapeProto)
            return object;
          var message = new $root.onnx.TensorShapeProto();
          if (object.dim) {
            if (!Array.isArray(object.dim))
              throw TypeError(".onnx.TensorShapeProto.dim: array expected");
            message.dim = [];
            for (var i = 0; i < object.dim.length; ++i) {
              if (typeof object.dim[i] !== "object")
                throw TypeError(".onnx.TensorShapeProto.dim: object expected");
              message.dim[i] = $root.onnx.TensorShapeProto.Dimension.fromObject(object.dim[i]);
            }
          }
          return message;
        };
        TensorShapeProto.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object = {};
          if (options.arrays || options.defaults)
            object.dim = [];
          if (message.dim && message.dim.length) {
            object.dim = [];
            for (var j = 0; j < message.dim.length; ++j)
              object.dim[j] = $root.onnx.TensorShapeProto.Dimension.toObject(message.dim[j], options);
          }
          return object;
        };
        TensorShapeProto.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        TensorShapeProto.Dimension = (function() {
          function Dimension(properties) {
            if (properties) {
              for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                if (properties[keys[i]] != null)
                  this[keys[i]] = properties[keys[i]];
            }
          }
          Dimension.prototype.dimValue = null;
          Dimension.prototype.dimParam = null;
          Dimension.prototype.denotation = "";
          var $oneOfFields;
          Object.defineProperty(Dimension.prototype, "value", {
            get: $util.oneOfGetter($oneOfFields = ["dimValue", "dimParam"]),
            set: $util.oneOfSetter($oneOfFields)
          });
          Dimension.create = function create(properties) {
            return new Dimension(properties);
          };
          Dimension.encode = function encode(message, writer) {
            if (!writer)
              writer = $Writer.create();
            if (message.dimValue != null && Object.hasOwnProperty.call(message, "dimValue"))
              writer.uint32(
                /* id 1, wireType 0 =*/
                8
              ).int64(message.dimValue);
            if (message.dimParam != null && Object.hasOwnProperty.call(message, "dimParam"))
              writer.uint32(
                /* id 2, wireType 2 =*/
                18
              ).string(message.dimParam);
            if (message.denotation != null && Object.hasOwnProperty.call(message, "denotation"))
              writer.uint32(
                /* id 3, wireType 2 =*/
                26
              ).string(message.denotation);
            return writer;
          };
          Dimension.encodeDelimited = function encodeDelimited(message, writer) {
            return this.encode(message, writer).ldelim();
          };
          Dimension.decode = function decode(reader, length) {
            if (!(reader instanceof $Reader))
              reader = $Reader.create(reader);
            var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.TensorShapeProto.Dimension();
            while (reader.pos < end) {
              var tag = reader.uint32();
              switch (tag >>> 3) {
                case 1:
                  message.dimValue = reader.int64();
                  break;
                case 2:
                  message.dimParam = reader.string();
                  break;
                case 3:
                  message.denotation = reader.string();
                  break;
                default:
                  reader.skipType(tag & 7);
                  break;
              }
            }
            return message;
          };
          Dimension.decodeDelimited = function decodeDelimited(reader) {
            if (!(reader instanceof $Reader))
              reader = new $Reader(reader);
            return this.decode(reader, reader.uint32());
          };
          Dimension.verify = function verify(message) {
            if (typeof message !== "object" || message === null)
              return "object expected";
            var properties = {};
            if (message.dimValue != null && message.hasOwnProperty("dimValue")) {
              properties.value = 1;
              if (!$util.isInteger(message.dimValue) && !(message.dimValue && $util.isInteger(message.dimValue.low) && $util.isInteger(message.dimValue.high)))
                return "dimValue: integer|Long expected";
            }
            if (message.dimParam != null && message.hasOwnProperty("dimParam")) {
              if (properties.value === 1)
                return "value: multiple values";
              properties.value = 1;
              if (!$util.isString(message.dimParam))
                return "dimParam: string expected";
            }
            if (message.denotation != null && message.hasOwnProperty("denotation")) {
              if (!$util.isString(message.denotation))
                return "denotation: string expected";
            }
            return null;
          };
          Dimension.fromObject = function fromObject(object) {
            if (object instanceof $root.onnx.TensorShapeProto.Dimension)
              return object;
            var message = new $root.onnx.TensorShapeProto.Dimension();
            if (object.dimValue != null) {
              if ($util.Long)
                (message.dimValue = $util.Long.fromValue(object.dimValue)).unsigned = false;
              else if (typeof object.dimValue === "string")
                message.dimValue = parseInt(object.dimValue, 10);
              else if (typeof object.dimValue === "number")
                message.dimValue = object.dimValue;
              else if (typeof object.dimValue === "object")
                message.dimValue = new $util.LongBits(object.dimValue.low >>> 0, object.dimValue.high >>> 0).toNumber();
            }
            if (object.dimParam != null)
              message.dimParam = String(object.dimParam);
            if (object.denotation != null)
              message.denotation = String(object.denotation);
            return message;
          };
          Dimension.toObject = function toObject(message, options) {
            if (!options)
              options = {};
            var object = {};
            if (options.defaults)
              object.denotation = "";
            if (message.dimValue != null && message.hasOwnProperty("dimValue")) {
              if (typeof message.dimValue === "number")
                object.dimValue = options.longs === String ? String(message.dimValue) : message.dimValue;
              else
                object.dimValue = options.longs === String ? $util.Long.prototype.toString.call(message.dimValue) : options.longs === Number ? new $util.LongBits(message.dimValue.low >>> 0, message.dimValue.high >>> 0).toNumber() : message.dimValue;
              if (options.oneofs)
                object.value = "dimValue";
            }
            if (message.dimParam != null && message.hasOwnProperty("dimParam")) {
              object.dimParam = message.dimParam;
              if (options.oneofs)
                object.value = "dimParam";
            }
            if (message.denotation != null && message.hasOwnProperty("denotation"))
              object.denotation = message.denotation;
            return object;
          };
          Dimension.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
          };
          return Dimension;
        })();
        return TensorShapeProto;
      })();
      onnx2.TypeProto = (function() {
        function TypeProto(properties) {
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        TypeProto.prototype.tensorType = null;
        TypeProto.prototype.sequenceType = null;
        TypeProto.prototype.mapType = null;
        TypeProto.prototype.optionalType = null;
        TypeProto.prototype.sparseTensorType = null;
        TypeProto.prototype.denotation = "";
        var $oneOfFields;
        Object.defineProperty(TypeProto.prototype, "value", {
          get: $util.oneOfGetter($oneOfFields = ["tensorType", "sequenceType", "mapType", "optionalType", "sparseTensorType"]),
          set: $util.oneOfSetter($oneOfFields)
        });
        TypeProto.create = function create(properties) {
          return new TypeProto(properties);
        };
        TypeProto.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.tensorType != null && Object.hasOwnProperty.call(message, "tensorType"))
            $root.onnx.TypeProto.Tensor.encode(message.tensorType, writer.uint32(
              /* id 1, wireType 2 =*/
              10
            ).fork()).ldelim();
          if (message.sequenceType != null && Object.hasOwnProperty.call(message, "sequenceType"))
            $root.onnx.TypeProto.Sequence.encode(message.sequenceType, writer.uint32(
              /* id 4, wireType 2 =*/
              34
            ).fork()).ldelim();
          if (message.mapType != null && Object.hasOwnProperty.call(message, "mapType"))
            $root.onnx.TypeProto.Map.encode(message.mapType, writer.uint32(
              /* id 5, wireType 2 =*/
              42
            ).fork()).ldelim();
          if (message.denotation != null && Object.hasOwnProperty.call(message, "denotation"))
            writer.uint32(
              /* id 6, wireType 2 =*/
              50
            ).string(message.denotation);
          if (message.sparseTensorType != null && Object.hasOwnProperty.call(message, "sparseTensorType"))
            $root.onnx.TypeProto.SparseTensor.encode(message.sparseTensorType, writer.uint32(
              /* id 8, wireType 2 =*/
              66
            ).fork()).ldelim();
          if (message.optionalType != null && Object.hasOwnProperty.call(message, "optionalType"))
            $root.onnx.TypeProto.Optional.encode(message.optionalType, writer.uint32(
              /* id 9, wireType 2 =*/
              74
            ).fork()).ldelim();
          return writer;
        };
        TypeProto.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        TypeProto.decode = function decode(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.TypeProto();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                message.tensorType = $root.onnx.TypeProto.Tensor.decode(reader, reader.uint32());
                break;
              case 4:
                message.sequenceType = $root.onnx.TypeProto.Sequence.decode(reader, reader.uint32());
                break;
              case 5:
                message.mapType = $root.onnx.TypeProto.Map.decode(reader, reader.uint32());
                break;
              case 9:
                message.optionalType = $root.onnx.TypeProto.Optional.decode(reader, reader.uint32());
                break;
              case 8:
                message.sparseTensorType = $root.onnx.TypeProto.SparseTensor.decode(reader, reader.uint32());
                break;
              case 6:
                message.denotation = reader.string();
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        TypeProto.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        TypeProto.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          var properties = {};
          if (message.tensorType != null && message.hasOwnProperty("tensorType")) {
            properties.value = 1;
            {
              var error = $root.onnx.TypeProto.Tensor.verify(message.tensorType);
              if (error)
                return "tensorType." + error;
            }
          }
          if (message.sequenceType != null && message.hasOwnProperty("sequenceType")) {
            if (properties.value === 1)
              return "value: multiple values";
            properties.value = 1;
            {
              var error = $root.onnx.TypeProto.Sequence.verify(message.sequenceType);
              if (error)
                return "sequenceType." + error;
            }
          }
          if (message.mapType != null && message.hasOwnProperty("mapType")) {
            if (properties.value === 1)
              return "value: multiple values";
            properties.value = 1;
            {
              var error = $root.onnx.TypeProto.Map.verify(message.mapType);
              if (error)
                return "mapType." + error;
            }
          }
          if (message.optionalType != null && message.hasOwnProperty("optionalType")) {
            if (properties.value === 1)
              return "value: multiple values";
            properties.value = 1;
            {
              var error = $root.onnx.TypeProto.Optional.verify(message.optionalType);
              if (error)
                return "optionalType." + error;
            }
          }
          if (message.sparseTensorType != null && message.hasOwnProperty("sparseTensorType")) {
            if (properties.value === 1)
              return "value: multiple values";
            properties.value = 1;
            {
              var error = $root.onnx.TypeProto.SparseTensor.verify(message.sparseTensorType);
              if (error)
                return "sparseTensorType." + error;
            }
          }
          if (message.denotation != null && message.hasOwnProperty("denotation")) {
            if (!$util.isString(message.denotation))
              return "denotation: string expected";
          }
          return null;
        };
        TypeProto.fromObject = function fromObject(object) {
          if (object instanceof $root.onnx.TypeProto)
            return object;
          var message = new $root.onnx.TypeProto();
          if (object.tensorType != null) {
            if (typeof object.tensorType !== "object")
              throw TypeError(".onnx.TypeProto.tensorType: object expected");
            message.tensorType = $root.onnx.TypeProto.Tensor.fromObject(object.tensorType);
          }
          if (object.sequenceType != null) {
            if (typeof object.sequenceType !== "object")
              throw TypeError(".onnx.TypeProto.sequenceType: object expected");
            message.sequenceType = $root.onnx.TypeProto.Sequence.fromObject(object.sequenceType);
          }
          if (object.mapType != null) {
            if (typeof object.mapType !== "object")
              throw TypeError(".onnx.TypeProto.mapType: object expected");
            message.mapType = $root.onnx.TypeProto.Map.fromObject(object.mapType);
          }
          if (object.optionalType != null) {
            if (typeof object.optionalType !== "object")
              throw TypeError(".onnx.TypeProto.optionalType: object expected");
            message.optionalType = $root.onnx.TypeProto.Optional.fromObject(object.optionalType);
          }
          if (object.sparseTensorType != null) {
            if (typeof object.sparseTensorType !== "object")
              throw TypeError(".onnx.TypeProto.sparseTensorType: object expected");
            message.sparseTensorType = $root.onnx.TypeProto.SparseTensor.fromObject(object.sparseTensorType);
          }
          if (object.denotation != null)
            message.denotation = String(object.denotation);
          return message;
        };
        TypeProto.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object = {};
          if (options.defaults)
            object.denotation = "";
          if (message.tensorType != null && message.hasOwnProperty("tensorType")) {
            object.tensorType = $root.onnx.TypeProto.Tensor.toObject(message.tensorType, options);
            if (options.oneofs)
              object.value = "tensorType";
          }
          if (message.sequenceType != null && message.hasOwnProperty("sequenceType")) {
            object.sequenceType = $root.onnx.TypeProto.Sequence.toObject(message.sequenceType, options);
            if (options.oneofs)
              object.value = "sequenceType";
          }
          if (message.mapType != null && message.hasOwnProperty("mapType")) {
            object.mapType = $root.onnx.TypeProto.Map.toObject(message.mapType, options);
            if (options.oneofs)
              object.value = "mapType";
          }
          if (message.denotation != null && message.hasOwnProperty("denotation"))
            object.denotation = message.denotation;
          if (message.sparseTensorType != null && message.hasOwnProperty("sparseTensorType")) {
            object.sparseTensorType = $root.onnx.TypeProto.SparseTensor.toObject(message.sparseTensorType, options);
            if (options.oneofs)
              object.value = "sparseTensorType";
          }
          if (message.optionalType != null && message.hasOwnProperty("optionalType")) {
            object.optionalType = $root.onnx.TypeProto.Optional.toObject(message.optionalType, options);
            if (options.oneofs)
              object.value = "optionalType";
          }
          return object;
        };
        TypeProto.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        TypeProto.Tensor = (function() {
          function Tensor(properties) {
            if (properties) {
              for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                if (properties[keys[i]] != null)
                  this[keys[i]] = properties[keys[i]];
            }
          }
          Tensor.prototype.elemType = 0;
          Tensor.prototype.shape = null;
          Tensor.create = function create(properties) {
            return new Tensor(properties);
          };
          Tensor.encode = function encode(message, writer) {
            if (!writer)
              writer = $Writer.create();
            if (message.elemType != null && Object.hasOwnProperty.call(message, "elemType"))
              writer.uint32(
                /* id 1, wireType 0 =*/
                8
              ).int32(message.elemType);
            if (message.shape != null && Object.hasOwnProperty.call(message, "shape"))
              $root.onnx.TensorShapeProto.encode(message.shape, writer.uint32(
                /* id 2, wireType 2 =*/
                18
              ).fork()).ldelim();
            return writer;
          };
          Tensor.encodeDelimited = function encodeDelimited(message, writer) {
            return this.encode(message, writer).ldelim();
          };
          Tensor.decode = function decode(reader, length) {
            if (!(reader instanceof $Reader))
              reader = $Reader.create(reader);
            var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.TypeProto.Tensor();
            while (reader.pos < end) {
              var tag = reader.uint32();
              switch (tag >>> 3) {
                case 1:
                  message.elemType = reader.int32();
                  break;
                case 2:
                  message.shape = $root.onnx.TensorShapeProto.decode(reader, reader.uint32());
                  break;
                default:
                  reader.skipType(tag & 7);
                  break;
              }
            }
            return message;
          };
          Tensor.decodeDelimited = function decodeDelimited(reader) {
            if (!(reader instanceof $Reader))
              reader = new $Reader(reader);
            return this.decode(reader, reader.uint32());
          };
          Tensor.verify = function verify(message) {
            if (typeof message !== "object" || message === null)
              return "object expected";
            if (message.elemType != null && message.hasOwnProperty("elemType")) {
              if (!$util.isInteger(message.elemType))
                return "elemType: integer expected";
            }
            if (message.shape != null && message.hasOwnProperty("shape")) {
              var error = $root.onnx.TensorShapeProto.verify(message.shape);
              if (error)
                return "shape." + error;
            }
            return null;
          };
          Tensor.fromObject = function fromObject(object) {
            if (object instanceof $root.onnx.TypeProto.Tensor)
              return object;
            var message = new $root.onnx.TypeProto.Tensor();
            if (object.elemType != null)
              message.elemType = object.elemType | 0;
            if (object.shape != null) {
              if (typeof object.shape !== "object")
                throw TypeError(".onnx.TypeProto.Tensor.shape: object expected");
              message.shape = $root.onnx.TensorShapeProto.fromObject(object.shape);
            }
            return message;
          };
          Tensor.toObject = function toObject(message, options) {
            if (!options)
              options = {};
            var object = {};
            if (options.defaults) {
              object.elemType = 0;
              object.shape = null;
            }
            if (message.elemType != null && message.hasOwnProperty("elemType"))
              object.elemType = message.elemType;
            if (message.shape != null && message.hasOwnProperty("shape"))
              object.shape = $root.onnx.TensorShapeProto.toObject(message.shape, options);
            return object;
          };
          Tensor.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
          };
          return Tensor;
        })();
        TypeProto.Sequence = (function() {
          function Sequence(properties) {
            if (properties) {
              for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                if (properties[keys[i]] != null)
                  this[keys[i]] = properties[keys[i]];
            }
          }
          Sequence.prototype.elemType = null;
          Sequence.create = function create(properties) {
            return new Sequence(properties);
          };
          Sequence.encode = function encode(message, writer) {
            if (!writer)
              writer = $Writer.create();
            if (message.elemType != null && Object.hasOwnProperty.call(message, "elemType"))
              $root.onnx.TypeProto.encode(message.elemType, writer.uint32(
                /* id 1, wireType 2 =*/
                10
              ).fork()).ldelim();
            return writer;
          };
          Sequence.encodeDelimited = function encodeDelimited(message, writer) {
            return this.encode(message, writer).ldelim();
          };
          Sequence.decode = function decode(reader, length) {
            if (!(reader instanceof $Reader))
              reader = $Reader.create(reader);
            var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.TypeProto.Sequence();
            while (reader.pos < end) {
              var tag = reader.uint32();
              switch (tag >>> 3) {
                case 1:
                  message.elemType = $root.onnx.TypeProto.decode(reader, reader.uint32());
                  break;
                default:
                  reader.skipType(tag & 7);
                  break;
              }
            }
            return message;
          };
          Sequence.decodeDelimited = function decodeDelimited(reader) {
            if (!(reader instanceof $Reader))
              reader = new $Reader(reader);
            return this.decode(reader, reader.uint32());
          };
          Sequence.verify = function verify(message) {
            if (typeof message !== "object" || message === null)
              return "object expected";
            if (message.elemType != null && message.hasOwnProperty("elemType")) {
              var error = $root.onnx.TypeProto.verify(message.elemType);
              if (error)
                return "elemType." + error;
            }
            return null;
          };
          Sequence.fromObject = function fromObject(object) {
            if (object instanceof $root.onnx.TypeProto.Sequence)
              return object;
            var message = new $root.onnx.TypeProto.Sequence();
            if (object.elemType != null) {
              if (typeof object.elemType !== "object")
                throw TypeError(".onnx.TypeProto.Sequence.elemType: object expected");
              message.elemType = $root.onnx.TypeProto.fromObject(object.elemType);
            }
            return message;
          };
          Sequence.toObject = function toObject(message, options) {
            if (!options)
              options = {};
            var object = {};
            if (options.defaults)
              object.elemType = null;
            if (message.elemType != null && message.hasOwnProperty("elemType"))
              object.elemType = $root.onnx.TypeProto.toObject(message.elemType, options);
            return object;
          };
          Sequence.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
          };
          return Sequence;
        })();
        TypeProto.Map = (function() {
          function Map2(properties) {
            if (properties) {
              for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                if (properties[keys[i]] != null)
                  this[keys[i]] = properties[keys[i]];
            }
          }
          Map2.prototype.keyType = 0;
          Map2.prototype.valueType = null;
          Map2.create = function create(properties) {
            return new Map2(properties);
          };
          Map2.encode = function encode(message, writer) {
            if (!writer)
              writer = $Writer.create();
            if (message.keyType != null && Object.hasOwnProperty.call(message, "keyType"))
              writer.uint32(
                /* id 1, wireType 0 =*/
                8
              ).int32(message.keyType);
            if (message.valueType != null && Object.hasOwnProperty.call(message, "valueType"))
              $root.onnx.TypeProto.encode(message.valueType, writer.uint32(
                /* id 2, wireType 2 =*/
                18
              ).fork()).ldelim();
            return writer;
          };
          Map2.encodeDelimited = function encodeDelimited(message, writer) {
            return this.encode(message, writer).ldelim();
          };
          Map2.decode = function decode(reader, length) {
            if (!(reader instanceof $Reader))
              reader = $Reader.create(reader);
            var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.TypeProto.Map();
            while (reader.pos < end) {
              var tag = reader.uint32();
              switch (tag >>> 3) {
                case 1:
                  message.keyType = reader.int32();
                  break;
                case 2:
                  message.valueType = $root.onnx.TypeProto.decode(reader, reader.uint32());
                  break;
                default:
                  reader.skipType(tag & 7);
                  break;
              }
            }
            return message;
          };
          Map2.decodeDelimited = function decodeDelimited(reader) {
            if (!(reader instanceof $Reader))
              reader = new $Reader(reader);
            return this.decode(reader, reader.uint32());
          };
          Map2.verify = function verify(message) {
            if (typeof message !== "object" || message === null)
              return "object expected";
            if (message.keyType != null && message.hasOwnProperty("keyType")) {
              if (!$util.isInteger(message.keyType))
                return "keyType: integer expected";
            }
            if (message.valueType != null && message.hasOwnProperty("valueType")) {
              var error = $root.onnx.TypeProto.verify(message.valueType);
              if (error)
                return "valueType." + error;
            }
            return null;
          };
          Map2.fromObject = function fromObject(object) {
            if (object instanceof $root.onnx.TypeProto.Map)
              return object;
            var message = new $root.onnx.TypeProto.Map();
            if (object.keyType != null)
              message.keyType = object.keyType | 0;
            if (object.valueType != null) {
              if (typeof object.valueType !== "object")
                throw TypeError(".onnx.TypeProto.Map.valueType: object expected");
              message.valueType = $root.onnx.TypeProto.fromObject(object.valueType);
            }
            return message;
          };
          Map2.toObject = function toObject(message, options) {
            if (!options)
              options = {};
            var object = {};
            if (options.defaults) {
              object.keyType = 0;
              object.valueType = null;
            }
            if (message.keyType != null && message.hasOwnProperty("keyType"))
              object.keyType = message.keyType;
            if (message.valueType != null && message.hasOwnProperty("valueType"))
              object.valueType = $root.onnx.TypeProto.toObject(message.valueType, options);
            return object;
          };
          Map2.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
          };
          return Map2;
        })();
        TypeProto.Optional = (function() {
          function Optional(properties) {
            if (properties) {
              for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                if (properties[keys[i]] != null)
                  this[keys[i]] = properties[keys[i]];
            }
          }
          Optional.prototype.elemType = null;
          Optional.create = function create(properties) {
            return new Optional(properties);
          };
          Optional.encode = function encode(message, writer) {
            if (!writer)
              writer = $Writer.create();
            if (message.elemType != null && Object.hasOwnProperty.call(message, "elemType"))
              $root.onnx.TypeProto.encode(message.elemType, writer.uint32(
                /* id 1, wireType 2 =*/
                10
              ).fork()).ldelim();
            return writer;
          };
          Optional.encodeDelimited = function encodeDelimited(message, writer) {
            return this.encode(message, writer).ldelim();
          };
          Optional.decode = function decode(reader, length) {
            if (!(reader instanceof $Reader))
              reader = $Reader.create(reader);
            var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.TypeProto.Optional();
            while (reader.pos < end) {
              var tag = reader.uint32();
              switch (tag >>> 3) {
                case 1:
                  message.elemType = $root.onnx.TypeProto.decode(reader, reader.uint32());
                  break;
                default:
                  reader.skipType(tag & 7);
                  break;
              }
            }
            return message;
          };
          Optional.decodeDelimited = function decodeDelimited(reader) {
            if (!(reader instanceof $Reader))
              reader = new $Reader(reader);
            return this.decode(reader, reader.uint32());
          };
          Optional.verify = function verify(message) {
            if (typeof message !== "object" || message === null)
              return "object expected";
            if (message.elemType != null && message.hasOwnProperty("elemType")) {
              var error = $root.onnx.TypeProto.verify(message.elemType);
              if (error)
                return "elemType." + error;
            }
            return null;
          };
          Optional.fromObject = function fromObject(object) {
            if (object instanceof $root.onnx.TypeProto.Optional)
              return object;
            var message = new $root.onnx.TypeProto.Optional();
            if (object.elemType != null) {
              if (typeof object.elemType !== "object")
                throw TypeError(".onnx.TypeProto.Optional.elemType: object expected");
              message.elemType = $root.onnx.TypeProto.fromObject(object.elemType);
            }
            return message;
          };
          Optional.toObject = function toObject(message, options) {
            if (!options)
              options = {};
            var object = {};
            if (options.defaults)
              object.elemType = null;
            if (message.elemType != null && message.hasOwnProperty("elemType"))
              object.elemType = $root.onnx.TypeProto.toObject(message.elemType, options);
            return object;
          };
          Optional.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
          };
          return Optional;
        })();
        TypeProto.SparseTensor = (function() {
          function SparseTensor(properties) {
            if (properties) {
              for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                if (properties[keys[i]] != null)
                  this[keys[i]] = properties[keys[i]];
            }
          }
          SparseTensor.prototype.elemType = 0;
          SparseTensor.prototype.shape = null;
          SparseTensor.create = function create(properties) {
            return new SparseTensor(properties);
          };
          SparseTensor.encode = function encode(message, writer) {
            if (!writer)
              writer = $Writer.create();
            if (message.elemType != null && Object.hasOwnProperty.call(message, "elemType"))
              writer.uint32(
                /* id 1, wireType 0 =*/
                8
              ).int32(message.elemType);
            if (message.shape != null && Object.hasOwnProperty.call(message, "shape"))
              $root.onnx.TensorShapeProto.encode(message.shape, writer.uint32(
                /* id 2, wireType 2 =*/
                18
              ).fork()).ldelim();
            return writer;
          };
          SparseTensor.encodeDelimited = function encodeDelimited(message, writer) {
            return this.encode(message, writer).ldelim();
          };
          SparseTensor.decode = function decode(reader, length) {
            if (!(reader instanceof $Reader))
              reader = $Reader.create(reader);
            var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.TypeProto.SparseTensor();
            while (reader.pos < end) {
              var tag = reader.uint32();
              switch (tag >>> 3) {
                case 1:
                  message.elemType = reader.int32();
                  break;
                case 2:
                  message.shape = $root.onnx.TensorShapeProto.decode(reader, reader.uint32());
                  break;
                default:
                  reader.skipType(tag & 7);
                  break;
              }
            }
            return message;
          };
          SparseTensor.decodeDelimited = function decodeDelimited(reader) {
            if (!(reader instanceof $Reader))
              reader = new $Reader(reader);
            return this.decode(reader, reader.uint32());
          };
          SparseTensor.verify = function verify(message) {
            if (typeof message !== "object" || message === null)
              return "object expected";
            if (message.elemType != null && message.hasOwnProperty("elemType")) {
              if (!$util.isInteger(message.elemType))
                return "elemType: integer expected";
            }
            if (message.shape != null && message.hasOwnProperty("shape")) {
              var error = $root.onnx.TensorShapeProto.verify(message.shape);
              if (error)
                return "shape." + error;
            }
            return null;
          };
          SparseTensor.fromObject = function fromObject(object) {
            if (object instanceof $root.onnx.TypeProto.SparseTensor)
              return object;
            var message = new $root.onnx.TypeProto.SparseTensor();
            if (object.elemType != null)
              message.elemType = object.elemType | 0;
            if (object.shape != null) {
              if (typeof object.shape !== "object")
                throw TypeError(".onnx.TypeProto.SparseTensor.shape: object expected");
              message.shape = $root.onnx.TensorShapeProto.fromObject(object.shape);
            }
            return message;
          };
          SparseTensor.toObject = function toObject(message, options) {
            if (!options)
              options = {};
            var object = {};
            if (options.defaults) {
              object.elemType = 0;
              object.shape = null;
            }
            if (message.elemType != null && message.hasOwnProperty("elemType"))
              object.elemType = message.elemType;
            if (message.shape != null && message.hasOwnProperty("shape"))
              object.shape = $root.onnx.TensorShapeProto.toObject(message.shape, options);
            return object;
          };
          SparseTensor.prototype.toJSON = function toJSON() {
            return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
          };
          return SparseTensor;
        })();
        return TypeProto;
      })();
      onnx2.OperatorSetIdProto = (function() {
        function OperatorSetIdProto(properties) {
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        OperatorSetIdProto.prototype.domain = "";
        OperatorSetIdProto.prototype.version = $util.Long ? $util.Long.fromBits(0, 0, false) : 0;
        OperatorSetIdProto.create = function create(properties) {
          return new OperatorSetIdProto(properties);
        };
        OperatorSetIdProto.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.domain != null && Object.hasOwnProperty.call(message, "domain"))
            writer.uint32(
              /* id 1, wireType 2 =*/
              10
            ).string(message.domain);
          if (message.version != null && Object.hasOwnProperty.call(message, "version"))
            writer.uint32(
              /* id 2, wireType 0 =*/
              16
            ).int64(message.version);
          return writer;
        };
        OperatorSetIdProto.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        OperatorSetIdProto.decode = function decode(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.OperatorSetIdProto();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                message.domain = reader.string();
                break;
              case 2:
                message.version = reader.int64();
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        OperatorSetIdProto.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        OperatorSetIdProto.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          if (message.domain != null && message.hasOwnProperty("domain")) {
            if (!$util.isString(message.domain))
              return "domain: string expected";
          }
          if (message.version != null && message.hasOwnProperty("version")) {
            if (!$util.isInteger(message.version) && !(message.version && $util.isInteger(message.version.low) && $util.isInteger(message.version.high)))
              return "version: integer|Long expected";
          }
          return null;
        };
        OperatorSetIdProto.fromObject = function fromObject(object) {
          if (object instanceof $root.onnx.OperatorSetIdProto)
            return object;
          var message = new $root.onnx.OperatorSetIdProto();
          if (object.domain != null)
            message.domain = String(object.domain);
          if (object.version != null) {
            if ($util.Long)
              (message.version = $util.Long.fromValue(object.version)).unsigned = false;
            else if (typeof object.version === "string")
              message.version = parseInt(object.version, 10);
            else if (typeof object.version === "number")
              message.version = object.version;
            else if (typeof object.version === "object")
              message.version = new $util.LongBits(object.version.low >>> 0, object.version.high >>> 0).toNumber();
          }
          return message;
        };
        OperatorSetIdProto.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object = {};
          if (options.defaults) {
            object.domain = "";
            if ($util.Long) {
              var long = new $util.Long(0, 0, false);
              object.version = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : long;
            } else
              object.version = options.longs === String ? "0" : 0;
          }
          if (message.domain != null && message.hasOwnProperty("domain"))
            object.domain = message.domain;
          if (message.version != null && message.hasOwnProperty("version"))
            if (typeof message.version === "number")
              object.version = options.longs === String ? String(message.version) : message.version;
            else
              object.version = options.longs === String ? $util.Long.prototype.toString.call(message.version) : options.longs === Number ? new $util.LongBits(message.version.low >>> 0, message.version.high >>> 0).toNumber() : message.version;
          return object;
        };
        OperatorSetIdProto.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        return OperatorSetIdProto;
      })();
      onnx2.OperatorStatus = (function() {
        var valuesById = {}, values = Object.create(valuesById);
        values[valuesById[0] = "EXPERIMENTAL"] = 0;
        values[valuesById[1] = "STABLE"] = 1;
        return values;
      })();
      onnx2.FunctionProto = (function() {
        function FunctionProto(properties) {
          this.input = [];
          this.output = [];
          this.attribute = [];
          this.node = [];
          this.opsetImport = [];
          if (properties) {
            for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
              if (properties[keys[i]] != null)
                this[keys[i]] = properties[keys[i]];
          }
        }
        FunctionProto.prototype.name = "";
        FunctionProto.prototype.input = $util.emptyArray;
        FunctionProto.prototype.output = $util.emptyArray;
        FunctionProto.prototype.attribute = $util.emptyArray;
        FunctionProto.prototype.node = $util.emptyArray;
        FunctionProto.prototype.docString = "";
        FunctionProto.prototype.opsetImport = $util.emptyArray;
        FunctionProto.prototype.domain = "";
        FunctionProto.create = function create(properties) {
          return new FunctionProto(properties);
        };
        FunctionProto.encode = function encode(message, writer) {
          if (!writer)
            writer = $Writer.create();
          if (message.name != null && Object.hasOwnProperty.call(message, "name"))
            writer.uint32(
              /* id 1, wireType 2 =*/
              10
            ).string(message.name);
          if (message.input != null && message.input.length)
            for (var i = 0; i < message.input.length; ++i)
              writer.uint32(
                /* id 4, wireType 2 =*/
                34
              ).string(message.input[i]);
          if (message.output != null && message.output.length)
            for (var i = 0; i < message.output.length; ++i)
              writer.uint32(
                /* id 5, wireType 2 =*/
                42
              ).string(message.output[i]);
          if (message.attribute != null && message.attribute.length)
            for (var i = 0; i < message.attribute.length; ++i)
              writer.uint32(
                /* id 6, wireType 2 =*/
                50
              ).string(message.attribute[i]);
          if (message.node != null && message.node.length)
            for (var i = 0; i < message.node.length; ++i)
              $root.onnx.NodeProto.encode(message.node[i], writer.uint32(
                /* id 7, wireType 2 =*/
                58
              ).fork()).ldelim();
          if (message.docString != null && Object.hasOwnProperty.call(message, "docString"))
            writer.uint32(
              /* id 8, wireType 2 =*/
              66
            ).string(message.docString);
          if (message.opsetImport != null && message.opsetImport.length)
            for (var i = 0; i < message.opsetImport.length; ++i)
              $root.onnx.OperatorSetIdProto.encode(message.opsetImport[i], writer.uint32(
                /* id 9, wireType 2 =*/
                74
              ).fork()).ldelim();
          if (message.domain != null && Object.hasOwnProperty.call(message, "domain"))
            writer.uint32(
              /* id 10, wireType 2 =*/
              82
            ).string(message.domain);
          return writer;
        };
        FunctionProto.encodeDelimited = function encodeDelimited(message, writer) {
          return this.encode(message, writer).ldelim();
        };
        FunctionProto.decode = function decode(reader, length) {
          if (!(reader instanceof $Reader))
            reader = $Reader.create(reader);
          var end = length === void 0 ? reader.len : reader.pos + length, message = new $root.onnx.FunctionProto();
          while (reader.pos < end) {
            var tag = reader.uint32();
            switch (tag >>> 3) {
              case 1:
                message.name = reader.string();
                break;
              case 4:
                if (!(message.input && message.input.length))
                  message.input = [];
                message.input.push(reader.string());
                break;
              case 5:
                if (!(message.output && message.output.length))
                  message.output = [];
                message.output.push(reader.string());
                break;
              case 6:
                if (!(message.attribute && message.attribute.length))
                  message.attribute = [];
                message.attribute.push(reader.string());
                break;
              case 7:
                if (!(message.node && message.node.length))
                  message.node = [];
                message.node.push($root.onnx.NodeProto.decode(reader, reader.uint32()));
                break;
              case 8:
                message.docString = reader.string();
                break;
              case 9:
                if (!(message.opsetImport && message.opsetImport.length))
                  message.opsetImport = [];
                message.opsetImport.push($root.onnx.OperatorSetIdProto.decode(reader, reader.uint32()));
                break;
              case 10:
                message.domain = reader.string();
                break;
              default:
                reader.skipType(tag & 7);
                break;
            }
          }
          return message;
        };
        FunctionProto.decodeDelimited = function decodeDelimited(reader) {
          if (!(reader instanceof $Reader))
            reader = new $Reader(reader);
          return this.decode(reader, reader.uint32());
        };
        FunctionProto.verify = function verify(message) {
          if (typeof message !== "object" || message === null)
            return "object expected";
          if (message.name != null && message.hasOwnProperty("name")) {
            if (!$util.isString(message.name))
              return "name: string expected";
          }
          if (message.input != null && message.hasOwnProperty("input")) {
            if (!Array.isArray(message.input))
              return "input: array expected";
            for (var i = 0; i < message.input.length; ++i)
              if (!$util.isString(message.input[i]))
                return "input: string[] expected";
          }
          if (message.output != null && message.hasOwnProperty("output")) {
            if (!Array.isArray(message.output))
              return "output: array expected";
            for (var i = 0; i < message.output.length; ++i)
              if (!$util.isString(message.output[i]))
                return "output: string[] expected";
          }
          if (message.attribute != null && message.hasOwnProperty("attribute")) {
            if (!Array.isArray(message.attribute))
              return "attribute: array expected";
            for (var i = 0; i < message.attribute.length; ++i)
              if (!$util.isString(message.attribute[i]))
                return "attribute: string[] expected";
          }
          if (message.node != null && message.hasOwnProperty("node")) {
            if (!Array.isArray(message.node))
              return "node: array expected";
            for (var i = 0; i < message.node.length; ++i) {
              var error = $root.onnx.NodeProto.verify(message.node[i]);
              if (error)
                return "node." + error;
            }
          }
          if (message.docString != null && message.hasOwnProperty("docString")) {
            if (!$util.isString(message.docString))
              return "docString: string expected";
          }
          if (message.opsetImport != null && message.hasOwnProperty("opsetImport")) {
            if (!Array.isArray(message.opsetImport))
              return "opsetImport: array expected";
            for (var i = 0; i < message.opsetImport.length; ++i) {
              var error = $root.onnx.OperatorSetIdProto.verify(message.opsetImport[i]);
              if (error)
                return "opsetImport." + error;
            }
          }
          if (message.domain != null && message.hasOwnProperty("domain")) {
            if (!$util.isString(message.domain))
              return "domain: string expected";
          }
          return null;
        };
        FunctionProto.fromObject = function fromObject(object) {
          if (object instanceof $root.onnx.FunctionProto)
            return object;
          var message = new $root.onnx.FunctionProto();
          if (object.name != null)
            message.name = String(object.name);
          if (object.input) {
            if (!Array.isArray(object.input))
              throw TypeError(".onnx.FunctionProto.input: array expected");
            message.input = [];
            for (var i = 0; i < object.input.length; ++i)
              message.input[i] = String(object.input[i]);
          }
          if (object.output) {
            if (!Array.isArray(object.output))
              throw TypeError(".onnx.FunctionProto.output: array expected");
            message.output = [];
            for (var i = 0; i < object.output.length; ++i)
              message.output[i] = String(object.output[i]);
          }
          if (object.attribute) {
            if (!Array.isArray(object.attribute))
              throw TypeError(".onnx.FunctionProto.attribute: array expected");
            message.attribute = [];
            for (var i = 0; i < object.attribute.length; ++i)
              message.attribute[i] = String(object.attribute[i]);
          }
          if (object.node) {
            if (!Array.isArray(object.node))
              throw TypeError(".onnx.FunctionProto.node: array expected");
            message.node = [];
            for (var i = 0; i < object.node.length; ++i) {
              if (typeof object.node[i] !== "object")
                throw TypeError(".onnx.FunctionProto.node: object expected");
              message.node[i] = $root.onnx.NodeProto.fromObject(object.node[i]);
            }
          }
          if (object.docString != null)
            message.docString = String(object.docString);
          if (object.opsetImport) {
            if (!Array.isArray(object.opsetImport))
              throw TypeError(".onnx.FunctionProto.opsetImport: array expected");
            message.opsetImport = [];
            for (var i = 0; i < object.opsetImport.length; ++i) {
              if (typeof object.opsetImport[i] !== "object")
                throw TypeError(".onnx.FunctionProto.opsetImport: object expected");
              message.opsetImport[i] = $root.onnx.OperatorSetIdProto.fromObject(object.opsetImport[i]);
            }
          }
          if (object.domain != null)
            message.domain = String(object.domain);
          return message;
        };
        FunctionProto.toObject = function toObject(message, options) {
          if (!options)
            options = {};
          var object = {};
          if (options.arrays || options.defaults) {
            object.input = [];
            object.output = [];
            object.attribute = [];
            object.node = [];
            object.opsetImport = [];
          }
          if (options.defaults) {
            object.name = "";
            object.docString = "";
            object.domain = "";
          }
          if (message.name != null && message.hasOwnProperty("name"))
            object.name = message.name;
          if (message.input && message.input.length) {
            object.input = [];
            for (var j = 0; j < message.input.length; ++j)
              object.input[j] = message.input[j];
          }
          if (message.output && message.output.length) {
            object.output = [];
            for (var j = 0; j < message.output.length; ++j)
              object.output[j] = message.output[j];
          }
          if (message.attribute && message.attribute.length) {
            object.attribute = [];
            for (var j = 0; j < message.attribute.length; ++j)
              object.attribute[j] = message.attribute[j];
          }
          if (message.node && message.node.length) {
            object.node = [];
            for (var j = 0; j < message.node.length; ++j)
              object.node[j] = $root.onnx.NodeProto.toObject(message.node[j], options);
          }
          if (message.docString != null && message.hasOwnProperty("docString"))
            object.docString = message.docString;
          if (message.opsetImport && message.opsetImport.length) {
            object.opsetImport = [];
            for (var j = 0; j < message.opsetImport.length; ++j)
              object.opsetImport[j] = $root.onnx.OperatorSetIdProto.toObject(message.opsetImport[j], options);
          }
          if (message.domain != null && message.hasOwnProperty("domain"))
            object.domain = message.domain;
          return object;
        };
        FunctionProto.prototype.toJSON = function toJSON() {
          return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
        };
        return FunctionProto;
      })();
      return onnx2;
    })();
    module.exports = $root;
  }
});

// src/model/runtime.ts
import { readFile } from "node:fs/promises";

// src/model/onnx/proto.ts
var import_onnx_proto = __toESM(require_onnx(), 1);
var onnx = import_onnx_proto.default.onnx;

// src/model/feature-order.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
var META_FEATURES = "mlops.features";
var META_CLASSES = "mlops.classes";
var SidecarSchema = external_exports.object({
  schema_version: external_exports.literal(1).default(1),
  features: external_exports.array(external_exports.string().min(1)).min(1)
});
function sidecarPath(modelFile) {
  return join(dirname(modelFile), `${basename(modelFile, extname(modelFile))}.mlops.yml`);
}
function sidecarText(features) {
  return (0, import_yaml.stringify)({ schema_version: 1, features }, { flow: false });
}
function parseFeatureList(text, where) {
  const trimmed = text.trim();
  let names;
  try {
    names = trimmed.startsWith("[") ? JSON.parse(trimmed) : trimmed.split(",").map((s) => s.trim());
  } catch (err) {
    throw new MlopsError(`${where}: not a feature list (${errorMessage(err)}); write it as a,b,c or ["a","b","c"]`);
  }
  if (!Array.isArray(names) || names.length === 0 || names.some((n) => typeof n !== "string" || n === "")) {
    throw new MlopsError(`${where}: not a feature list; write it as a,b,c or ["a","b","c"]`);
  }
  return uniqueFeatures(names, where);
}
function uniqueFeatures(names, where) {
  const seen = /* @__PURE__ */ new Set();
  for (const n of names) {
    if (seen.has(n)) throw new MlopsError(`${where}: feature "${n}" is named twice`);
    seen.add(n);
  }
  return names;
}
function findFeatureOrder(modelFile, metadata, given) {
  if (given && given.length > 0) return { features: uniqueFeatures(given, "the feature list given"), source: "option" };
  const sidecar = sidecarPath(modelFile);
  let text;
  try {
    text = readFileSync(sidecar, "utf8");
  } catch {
    text = void 0;
  }
  if (text !== void 0) {
    let parsed;
    try {
      parsed = (0, import_yaml.parse)(text);
    } catch (err) {
      throw new MlopsError(`${sidecar}: not YAML (${errorMessage(err)})`);
    }
    const checked = SidecarSchema.safeParse(parsed);
    if (!checked.success) throw new MlopsError(`${sidecar}: ${checked.error.issues.map((i) => `${i.path.join(".") || "file"}: ${i.message}`).join("; ")}`);
    return { features: uniqueFeatures(checked.data.features, sidecar), source: "sidecar" };
  }
  if (metadata[META_FEATURES] !== void 0)
    return { features: parseFeatureList(metadata[META_FEATURES], `${modelFile}: metadata "${META_FEATURES}"`), source: "metadata" };
  return void 0;
}
function matrixInput(inputs) {
  if (inputs.length !== 1) return void 0;
  const [input] = inputs;
  if (input.type !== "float" && input.type !== "double") return void 0;
  if (input.shape.length !== 2) return void 0;
  const k = input.shape[1];
  return typeof k === "number" && k <= 1 ? void 0 : input;
}
function checkFeatureOrder(input, order, file) {
  const k = input.shape[1];
  if (typeof k === "number" && k !== order.features.length) {
    const from = order.source === "option" ? "the feature list given" : order.source === "sidecar" ? sidecarPath(file) : `metadata "${META_FEATURES}"`;
    throw new MlopsError(
      `${file}: input "${input.name}" takes ${k} columns (${input.type}[${input.shape.join(",")}]) but ${from} names ${order.features.length} (${order.features.join(", ")})`
    );
  }
}

// src/model/text-features.ts
var TextStepSchema = external_exports.object({
  name: external_exports.string(),
  vocabulary: external_exports.array(external_exports.string()).min(1),
  idf: external_exports.array(external_exports.number().positive()),
  unigrams: external_exports.number().int().nonnegative(),
  max_ngram: external_exports.union([external_exports.literal(1), external_exports.literal(2)])
});
function textCell(cell) {
  return cell === null ? "" : cellText(cell);
}
function fitText(name, texts, options) {
  const df = /* @__PURE__ */ new Map();
  const total = /* @__PURE__ */ new Map();
  for (const text of texts) {
    const terms = ngrams(tokenize(text), options.max_ngram);
    for (const t of terms) total.set(t, (total.get(t) ?? 0) + 1);
    for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const kept = [...df.keys()].filter((t) => df.get(t) >= options.min_df).sort((a, b) => total.get(b) - total.get(a) || (a < b ? -1 : 1)).slice(0, options.max_features);
  if (kept.length === 0) {
    throw new MlopsError(`text column "${name}": no term appears in ${options.min_df} or more training rows (lower features.tfidf.min_df, or drop the column)`);
  }
  const isBigram = (t) => t.includes(" ");
  const unigrams = kept.filter((t) => !isBigram(t)).sort();
  const bigrams = kept.filter(isBigram).sort();
  const vocabulary = [...unigrams, ...bigrams];
  const n = texts.length;
  return {
    name,
    vocabulary,
    idf: vocabulary.map((t) => Math.log((1 + n) / (1 + df.get(t))) + 1),
    unigrams: unigrams.length,
    max_ngram: options.max_ngram
  };
}
function encodeText(step, index, idf, text, out, offset) {
  const counts = /* @__PURE__ */ new Map();
  for (const t of ngrams(tokenize(text), step.max_ngram)) {
    const k = index.get(t);
    if (k !== void 0) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let sq = 0;
  for (const [k, c] of counts) {
    const v = Math.fround(c * idf[k]);
    out[offset + k] = v;
    sq = Math.fround(sq + Math.fround(v * v));
  }
  if (sq === 0) return;
  const norm = Math.fround(Math.sqrt(sq));
  for (const k of counts.keys()) out[offset + k] = Math.fround(out[offset + k] / norm);
}
function textTables(step) {
  return { index: new Map(step.vocabulary.map((t, i) => [t, i])), idf: Float32Array.from(step.idf) };
}

// src/model/preprocess.ts
var PreprocessingSchema = external_exports.object({
  numeric: external_exports.array(external_exports.object({ name: external_exports.string(), type: external_exports.enum(["number", "integer", "boolean"]), mean: external_exports.number(), std: external_exports.number().positive() })),
  categorical: external_exports.array(external_exports.object({ name: external_exports.string(), categories: external_exports.array(external_exports.string()).min(1), mode: external_exports.string() })),
  /** Absent when the model has no text feature (and in models written before text features). */
  text: external_exports.array(TextStepSchema).optional()
});
function encodedWidth(p) {
  return p.numeric.length + p.categorical.reduce((n, c) => n + c.categories.length, 0) + textSteps(p).reduce((n, t) => n + t.vocabulary.length, 0);
}
function textSteps(p) {
  return p.text ?? [];
}
function numericCell(cell) {
  const n = toNumber(cell);
  if (n !== void 0) return n;
  const b = toBoolean(cell);
  if (b !== void 0) return b ? 1 : 0;
  return Number.NaN;
}
function categoryCell(cell) {
  return cell === null ? "" : cellText(cell);
}
var DEFAULT_TFIDF = { max_features: 5e3, min_df: 2, max_ngram: 2 };
function fitPreprocessing(features, columns, rows, tfidf = DEFAULT_TFIDF) {
  const numeric = [];
  const categorical = [];
  const text = [];
  for (const f of features) {
    const c = columns.indexOf(f.name);
    if (f.type === "text") {
      text.push(
        fitText(
          f.name,
          rows.map((row) => textCell(row[c] ?? null)),
          tfidf
        )
      );
    } else if (f.type === "category") {
      const counts = /* @__PURE__ */ new Map();
      for (const row of rows) {
        const v = categoryCell(row[c] ?? null);
        if (v !== "") counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const categories = f.categories ?? [...counts.keys()].sort();
      let mode = categories[0];
      for (const cat of categories) if ((counts.get(cat) ?? 0) > (counts.get(mode) ?? 0)) mode = cat;
      categorical.push({ name: f.name, categories, mode });
    } else {
      let n = 0;
      let sum = 0;
      let sq = 0;
      for (const row of rows) {
        const v = numericCell(row[c] ?? null);
        if (Number.isNaN(v)) continue;
        n++;
        sum += v;
        sq += v * v;
      }
      const mean = n === 0 ? 0 : sum / n;
      const variance = n === 0 ? 0 : Math.max(0, sq / n - mean * mean);
      const std = Math.sqrt(variance);
      numeric.push({ name: f.name, type: f.type, mean, std: std > 1e-12 ? std : 1 });
    }
  }
  return { numeric, categorical, ...text.length > 0 ? { text } : {} };
}
function transformRows(p, columns, rows) {
  const width = encodedWidth(p);
  const out = new Float32Array(rows.length * width);
  const numIdx = p.numeric.map((s) => columns.indexOf(s.name));
  const catIdx = p.categorical.map((s) => columns.indexOf(s.name));
  const means = p.numeric.map((s) => Math.fround(s.mean));
  const stds = p.numeric.map((s) => Math.fround(s.std));
  const catMaps = p.categorical.map((s) => new Map(s.categories.map((c, i) => [c, i])));
  const modes = p.categorical.map((s, i) => catMaps[i].get(s.mode) ?? -1);
  const texts = textSteps(p);
  const textIdx = texts.map((s) => columns.indexOf(s.name));
  const tables = texts.map(textTables);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    let o = r * width;
    for (let j = 0; j < numIdx.length; j++) {
      let x = Math.fround(numericCell(numIdx[j] < 0 ? null : row[numIdx[j]] ?? null));
      if (Number.isNaN(x)) x = means[j];
      out[o++] = Math.fround(Math.fround(x - means[j]) / stds[j]);
    }
    for (let j = 0; j < catIdx.length; j++) {
      const v = categoryCell(catIdx[j] < 0 ? null : row[catIdx[j]] ?? null);
      const k = v === "" ? modes[j] : catMaps[j].get(v) ?? -1;
      if (k >= 0) out[o + k] = 1;
      o += p.categorical[j].categories.length;
    }
    for (let j = 0; j < textIdx.length; j++) {
      encodeText(texts[j], tables[j].index, tables[j].idf, textCell(textIdx[j] < 0 ? null : row[textIdx[j]] ?? null), out, o);
      o += texts[j].vocabulary.length;
    }
  }
  return out;
}

// src/model/tabular.ts
var ModelInfoSchema = external_exports.object({
  task: external_exports.enum(["classification", "regression"]),
  target: external_exports.string(),
  features: external_exports.array(
    external_exports.object({ name: external_exports.string(), type: external_exports.enum(["number", "integer", "boolean", "category", "text"]), categories: external_exports.array(external_exports.string()).optional() })
  ),
  classes: external_exports.array(external_exports.string()).optional(),
  framework: external_exports.string().optional()
});
var META_MODEL_INFO = "mlops.model_info";
var META_PREPROCESSING = "mlops.preprocessing";

// src/model/zipmap.ts
var FLOAT = 1;
function unzipMapOutputs(model) {
  const graph = model.graph;
  if (!graph) return null;
  const zipmaps = (graph.node ?? []).filter((n) => n.opType === "ZipMap" && (n.output ?? []).some((o) => (graph.output ?? []).some((g) => g.name === o)));
  if (zipmaps.length === 0) return null;
  const unzipped = [];
  for (const node of zipmaps) {
    const [input] = node.input ?? [];
    const [output] = node.output ?? [];
    const attr = (name) => (node.attribute ?? []).find((a) => a.name === name);
    const ints = attr("classlabels_int64s")?.ints ?? [];
    const strings = attr("classlabels_strings")?.strings ?? [];
    const classes = ints.length > 0 ? ints.map((v) => String(v)) : strings.map((s) => Buffer.from(s).toString("utf8"));
    unzipped.push({ original: output, tensor: input, classes });
  }
  const replaced = new Map(unzipped.map((u) => [u.original, u]));
  graph.output = (graph.output ?? []).map((o) => {
    const u = replaced.get(o.name ?? "");
    if (!u) return o;
    const known = (graph.valueInfo ?? []).find((v) => v.name === u.tensor)?.type?.tensorType?.elemType;
    return onnx.ValueInfoProto.create({
      name: u.tensor,
      type: { tensorType: { elemType: known ?? FLOAT, shape: { dim: [{ dimParam: "N" }, { dimValue: u.classes.length }] } } }
    });
  });
  const removed = new Set(zipmaps);
  graph.node = (graph.node ?? []).filter((n) => !removed.has(n));
  return { bytes: onnx.ModelProto.encode(model).finish(), unzipped };
}

// src/model/runtime.ts
var ELEM_NAMES = {
  1: "float",
  2: "uint8",
  3: "int8",
  5: "int16",
  6: "int32",
  7: "int64",
  8: "string",
  9: "bool",
  10: "float16",
  11: "double"
};
function describeOnnx(bytes, file = "model.onnx") {
  return describeModel(decodeOnnx(bytes, file));
}
function decodeOnnx(bytes, file) {
  let model;
  try {
    model = onnx.ModelProto.decode(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (err) {
    throw new MlopsError(`${file}: not an ONNX model (${errorMessage(err)})`);
  }
  if (!model.graph) throw new MlopsError(`${file}: not an ONNX model (no graph)`);
  return model;
}
function describeModel(model) {
  const graph = model.graph;
  const initializers = new Set((graph.initializer ?? []).map((t) => t.name));
  const sig = (v) => ({
    name: v.name ?? "",
    type: ELEM_NAMES[v.type?.tensorType?.elemType ?? 0] ?? (v.type?.tensorType ? "unknown" : "non-tensor"),
    shape: (v.type?.tensorType?.shape?.dim ?? []).map((d) => d.dimParam ? d.dimParam : d.dimValue != null ? Number(d.dimValue) : "?")
  });
  const metadata = {};
  for (const p of model.metadataProps ?? []) if (p.key) metadata[p.key] = p.value ?? "";
  return {
    // Older exporters list initializers among the inputs; they are not fed.
    inputs: (graph.input ?? []).filter((v) => !initializers.has(v.name ?? "")).map(sig),
    outputs: (graph.output ?? []).map(sig),
    metadata,
    producer: `${model.producerName ?? ""} ${model.producerVersion ?? ""}`.trim()
  };
}
async function loadModel(file, options = {}) {
  let bytes;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new MlopsError(`${file}: cannot read model (${errorMessage(err)})`);
  }
  const model = decodeOnnx(bytes, file);
  const described = describeModel(model);
  const ours = described.metadata[META_MODEL_INFO];
  let sessionBytes = bytes;
  let outputs = described.outputs;
  let unzipped = [];
  if (ours === void 0 && outputs.some((o) => o.type === "non-tensor")) {
    const rewritten = unzipMapOutputs(model);
    if (rewritten) {
      sessionBytes = rewritten.bytes;
      unzipped = rewritten.unzipped;
      outputs = describeModel(model).outputs;
    }
  }
  const matrix = ours === void 0 ? matrixPlan(described.inputs, described.metadata, file, options.features) : void 0;
  const ort = await import("onnxruntime-node");
  let session;
  try {
    session = await ort.InferenceSession.create(sessionBytes, {
      logSeverityLevel: 3,
      executionProviders: options.executionProviders ?? ["cpu"],
      intraOpNumThreads: options.intraOpThreads ?? 1
    });
  } catch (err) {
    throw new MlopsError(`${file}: onnxruntime cannot load the model (${errorMessage(err)})`);
  }
  const plan = ours === void 0 ? plainPlan(described.inputs, outputs, file, matrix, unzipped, described.metadata) : ownPlan(ours, outputs, file);
  const fetches = outputs.filter((o) => o.type !== "non-tensor").map((o) => o.name);
  const textInputs = new Set(plan.info.features.filter((f) => f.type === "text").map((f) => f.name));
  return {
    info: plan.info,
    async predict(columns, rows) {
      const feeds = {};
      if (matrix) feeds[matrix.input] = matrixTensor(ort, described.inputs[0], matrix.features, columns, rows);
      else {
        for (const input of described.inputs) {
          const c = columns.indexOf(input.name);
          if (c < 0) throw new MlopsError(`missing required feature "${input.name}" (model input ${input.type}[${input.shape.join(",")}])`);
          feeds[input.name] = inputTensor(ort, input, rows, c, textInputs.has(input.name));
        }
      }
      let results;
      try {
        results = await session.run(feeds, fetches);
      } catch (err) {
        throw new MlopsError(`${file}: inference failed (${errorMessage(err)})`);
      }
      return plan.read(results, rows.length);
    },
    async close() {
      await session.release();
    }
  };
}
function ownPlan(json2, outputs, file) {
  let info;
  try {
    info = ModelInfoSchema.parse(JSON.parse(json2));
  } catch (err) {
    throw new MlopsError(`${file}: metadata "${META_MODEL_INFO}" is not a valid model info (${errorMessage(err)})`);
  }
  if (info.task === "classification") {
    const classes = info.classes ?? [];
    if (!outputs.some((o) => o.name === "probabilities")) throw new MlopsError(`${file}: classifier has no "probabilities" output`);
    return { info, read: (r, n) => classify(r.probabilities, n, classes) };
  }
  if (!outputs.some((o) => o.name === "prediction")) throw new MlopsError(`${file}: regressor has no "prediction" output`);
  return { info, read: (r, n) => ({ predictions: Array.from(r.prediction.data).slice(0, n) }) };
}
function matrixPlan(inputs, metadata, file, given) {
  const input = matrixInput(inputs);
  if (!input) return void 0;
  const order = findFeatureOrder(file, metadata, given);
  if (!order) {
    throw new SettingError(
      "features",
      (name) => `${file}: input "${input.name}" is one ${input.type}[${input.shape.join(",")}] matrix, so its columns need names in order: give them with ${name("features")}, in a features: entry of ${sidecarPath(file)}, or in the model's "mlops.features" metadata`
    );
  }
  checkFeatureOrder(input, order, file);
  return { input: input.name, features: order.features, source: order.source };
}
function plainPlan(inputs, outputs, file, matrix, unzipped, metadata) {
  const features = matrix ? matrix.features.map((name) => ({ name, type: "number" })) : inputs.map((i) => ({
    name: i.name,
    type: i.type === "string" ? "category" : i.type === "bool" ? "boolean" : i.type.startsWith("int") ? "integer" : "number"
  }));
  const base = { target: "", features, ...matrix ? { matrix_input: matrix } : {} };
  const zipped = unzipped[0];
  const probs = zipped ? outputs.find((o) => o.name === zipped.tensor) : outputs.find((o) => (o.type === "float" || o.type === "double") && typeof o.shape.at(-1) === "number" && o.shape.at(-1) >= 2);
  const label = outputs.find((o) => o.type === "string" || o.type === "int64");
  if (probs) {
    const k = probs.shape.at(-1);
    const classes = zipped ? zipped.classes : namedClasses(metadata, k, file) ?? Array.from({ length: k }, (_, i) => String(i));
    const info = { task: "classification", ...base, classes };
    return {
      info,
      read(r, n) {
        const batch = classify(r[probs.name], n, classes);
        if (label) batch.predictions = Array.from(r[label.name].data, (v) => String(v)).slice(0, n);
        return batch;
      }
    };
  }
  if (label) {
    return {
      info: { task: "classification", ...base },
      read: (r, n) => ({ predictions: Array.from(r[label.name].data, (v) => String(v)).slice(0, n) })
    };
  }
  const value = outputs.find((o) => o.type === "float" || o.type === "double");
  if (!value) {
    const maps = outputs.some((o) => o.type === "non-tensor");
    throw new MlopsError(
      `${file}: no tensor output to read predictions from (outputs: ${outputs.map((o) => `${o.name}:${o.type}`).join(", ")})` + (maps ? '; onnxruntime-node returns tensors only: export the classifier without maps (skl2onnx: options={"zipmap": False})' : "")
    );
  }
  return {
    info: { task: "regression", ...base },
    read: (r, n) => ({ predictions: Array.from(r[value.name].data, Number).slice(0, n) })
  };
}
function namedClasses(metadata, k, file) {
  const text = metadata[META_CLASSES];
  if (text === void 0) return void 0;
  let classes;
  try {
    classes = JSON.parse(text);
  } catch {
    classes = void 0;
  }
  if (!Array.isArray(classes) || classes.length !== k)
    throw new MlopsError(`${file}: metadata "${META_CLASSES}" should be a JSON list of the ${k} class labels (got ${text.slice(0, 80)})`);
  return classes.map(String);
}
function matrixTensor(ort, input, features, columns, rows) {
  const k = features.length;
  const at = features.map((name) => {
    const c = columns.indexOf(name);
    if (c < 0)
      throw new MlopsError(
        `missing required feature "${name}" (column ${features.indexOf(name) + 1} of model input ${input.name} ${input.type}[${input.shape.join(",")}])`
      );
    return c;
  });
  const n = rows.length;
  const data = input.type === "double" ? new Float64Array(n * k) : new Float32Array(n * k);
  for (let r = 0; r < n; r++) {
    const row = rows[r];
    for (let j = 0; j < k; j++) data[r * k + j] = numericCell(row[at[j]] ?? null);
  }
  return new ort.Tensor(input.type === "double" ? "float64" : "float32", data, [n, k]);
}
function classify(tensor, n, classes) {
  const data = tensor.data;
  const k = classes.length;
  const probabilities = [];
  const predictions = [];
  for (let r = 0; r < n; r++) {
    const row = Array.from(data.subarray(r * k, r * k + k));
    let best = 0;
    for (let j = 1; j < k; j++) if (row[j] > row[best]) best = j;
    probabilities.push(row);
    predictions.push(classes[best]);
  }
  return { predictions, probabilities };
}
function inputTensor(ort, input, rows, c, text) {
  const n = rows.length;
  const dims = input.shape.length <= 1 ? [n] : [n, ...input.shape.slice(1).map((d) => typeof d === "number" ? d : 1)];
  switch (input.type) {
    case "float":
      return new ort.Tensor(
        "float32",
        Float32Array.from(rows, (row) => numericCell(row[c] ?? null)),
        dims
      );
    case "double":
      return new ort.Tensor(
        "float64",
        Float64Array.from(rows, (row) => numericCell(row[c] ?? null)),
        dims
      );
    case "int64":
      return new ort.Tensor(
        "int64",
        BigInt64Array.from(rows, (row, r) => BigInt(integerCell(row[c] ?? null, input.name, r))),
        dims
      );
    case "int32":
      return new ort.Tensor(
        "int32",
        Int32Array.from(rows, (row, r) => integerCell(row[c] ?? null, input.name, r)),
        dims
      );
    case "bool":
      return new ort.Tensor(
        "bool",
        Uint8Array.from(rows, (row) => numericCell(row[c] ?? null) ? 1 : 0),
        dims
      );
    case "string":
      return new ort.Tensor(
        "string",
        rows.map((row) => text ? truncateText(categoryCell(row[c] ?? null)) : categoryCell(row[c] ?? null)),
        dims
      );
    default:
      throw new MlopsError(`model input "${input.name}" has type ${input.type}, which cannot be fed from a data column`);
  }
}
function integerCell(cell, column, row) {
  const n = toNumber(cell);
  if (n === void 0 || !Number.isInteger(n)) {
    throw new MlopsError(`row ${row + 1}, column "${column}": the model needs an integer, got ${cell === null ? "nothing" : `"${cellText(cell)}"`}`);
  }
  return n;
}

// src/registry/git.ts
import { spawn } from "node:child_process";
function gitConfigEnv(base, config) {
  if (config.length === 0) return {};
  const first = Number(base.GIT_CONFIG_COUNT ?? 0);
  const start = Number.isSafeInteger(first) && first > 0 ? first : 0;
  const env = { GIT_CONFIG_COUNT: String(start + config.length) };
  config.forEach((c, i) => {
    env[`GIT_CONFIG_KEY_${start + i}`] = c.key;
    env[`GIT_CONFIG_VALUE_${start + i}`] = c.value;
  });
  return env;
}
var GitCommandError = class extends Error {
  constructor(args, code2, stderr, stdout) {
    super(`git ${args.join(" ")} failed (exit ${code2}): ${stderr.trim().split("\n").slice(-3).join(" | ")}`);
    this.args = args;
    this.code = code2;
    this.stderr = stderr;
    this.stdout = stdout;
    this.name = "GitCommandError";
  }
  args;
  code;
  stderr;
  stdout;
};
function git(args, options = {}) {
  const base = { ...process.env, ...options.env };
  return new Promise((resolve3, reject) => {
    const child = spawn("git", args, {
      cwd: options.cwd,
      env: { ...base, ...gitConfigEnv(base, options.config ?? []), GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" },
      stdio: ["pipe", "pipe", "pipe"]
    });
    const out = [];
    const err = [];
    child.stdout.on("data", (d) => out.push(d));
    child.stderr.on("data", (d) => err.push(d));
    child.on("error", reject);
    child.on("close", (code2) => {
      if (code2 === 0) resolve3(Buffer.concat(out));
      else reject(new GitCommandError(args, code2, Buffer.concat(err).toString(), Buffer.concat(out).toString()));
    });
    child.stdin.on("error", () => void 0);
    child.stdin.end(options.input ?? "");
  });
}
async function gitText(args, options = {}) {
  return (await git(args, options)).toString().trim();
}

// src/model/train-metrics.ts
function accuracy(labels, probabilities) {
  let hit = 0;
  for (let i = 0; i < labels.length; i++) if (argmax(probabilities[i]) === labels[i]) hit++;
  return hit / labels.length;
}
function logLoss(labels, probabilities) {
  let sum = 0;
  for (let i = 0; i < labels.length; i++) sum -= Math.log(Math.max(1e-15, probabilities[i][labels[i]]));
  return sum / labels.length;
}
function rocAuc(labels, scores) {
  const n = labels.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]] === scores[order[i]]) j++;
    for (let k = i; k <= j; k++) ranks[order[k]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] === 1) {
      positives++;
      rankSum += ranks[i];
    }
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
}
function regressionMetrics(actual, predicted) {
  const n = actual.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += actual[i] / n;
  let se = 0;
  let ae = 0;
  let tot = 0;
  for (let i = 0; i < n; i++) {
    const e = actual[i] - predicted[i];
    se += e * e;
    ae += Math.abs(e);
    tot += (actual[i] - mean) ** 2;
  }
  return { rmse: Math.sqrt(se / n), mae: ae / n, r2: tot === 0 ? Number.NaN : 1 - se / tot };
}
function argmax(row) {
  let best = 0;
  for (let j = 1; j < row.length; j++) if (row[j] > row[best]) best = j;
  return best;
}

// src/model/importance.ts
var IMPORTANCE_REPEATS = 5;
var ImportanceSchema = external_exports.object({
  method: external_exports.literal("permutation"),
  /** accuracy (classification) or r2 (regression), on the validation rows. */
  metric: external_exports.enum(["accuracy", "r2"]),
  rows: external_exports.number().int().positive(),
  repeats: external_exports.number().int().positive(),
  seed: external_exports.number().int(),
  baseline: external_exports.number(),
  /** Feature → mean score drop (≈ 0 for a feature the model ignores; negative is noise). */
  values: external_exports.record(external_exports.string(), external_exports.number()),
  /** Feature → standard deviation of the drop over the repeats. */
  std: external_exports.record(external_exports.string(), external_exports.number())
});
async function permutationImportance(input) {
  const repeats = input.repeats ?? IMPORTANCE_REPEATS;
  const rows = input.rows.map((r) => [...r]);
  const baseline = await input.score(rows);
  const rand = mulberry32(input.seed);
  const values = {};
  const std = {};
  for (const feature of input.features) {
    const j = input.columns.indexOf(feature);
    const original = rows.map((r) => r[j]);
    const drops = [];
    for (let k = 0; k < repeats; k++) {
      const shuffled = [...original];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const t = Math.floor(rand() * (i + 1));
        [shuffled[i], shuffled[t]] = [shuffled[t], shuffled[i]];
      }
      for (let i = 0; i < rows.length; i++) rows[i][j] = shuffled[i];
      drops.push(baseline - await input.score(rows));
    }
    for (let i = 0; i < rows.length; i++) rows[i][j] = original[i];
    const mean = drops.reduce((s, x) => s + x, 0) / repeats;
    values[feature] = mean;
    std[feature] = Math.sqrt(drops.reduce((s, x) => s + (x - mean) ** 2, 0) / repeats);
  }
  return { method: "permutation", metric: input.metric, rows: rows.length, repeats, seed: input.seed, baseline, values, std };
}
function modelScore(predict, columns, labels, metric) {
  return async (rows) => {
    const out = await predict([...columns], rows);
    if (metric === "r2") return regressionMetrics(labels, out.predictions.map(Number)).r2;
    const p = out.probabilities;
    let hit = 0;
    for (let i = 0; i < p.length; i++) {
      let best = 0;
      for (let c = 1; c < p[i].length; c++) if (p[i][c] > p[i][best]) best = c;
      if (best === labels[i]) hit++;
    }
    return hit / p.length;
  };
}

// src/model/lineage.ts
var LINEAGE_SCHEMA_VERSION = 1;
var DataLocationSchema = external_exports.discriminatedUnion("kind", [
  /** Tracked in the repository at `commit`, path from the repository root; `lfs` when the blob is a Git LFS pointer. */
  external_exports.object({
    kind: external_exports.literal("git"),
    path: external_exports.string(),
    commit: external_exports.string().optional(),
    lfs: external_exports.object({ oid: external_exports.string().regex(/^sha256:[0-9a-f]{64}$/), size: external_exports.number().int().nonnegative() }).optional()
  }),
  /** Untracked, or changed since the commit: only the training machine had it, at the file's path. */
  external_exports.object({ kind: external_exports.literal("local") }),
  /** An Actions artifact of a workflow run. */
  external_exports.object({ kind: external_exports.literal("artifact"), name: external_exports.string(), run_id: external_exports.string().optional(), repository: external_exports.string().optional() }),
  /** A GitHub release asset. */
  external_exports.object({ kind: external_exports.literal("release"), uri: external_exports.string(), repository: external_exports.string(), tag: external_exports.string(), asset: external_exports.string() }),
  /** s3://, gs://, https:// … as given with --data-uri or mlops.yml data.locations. */
  external_exports.object({ kind: external_exports.literal("url"), uri: external_exports.string() })
]);
var LineageSchema = external_exports.object({
  schema_version: external_exports.literal(LINEAGE_SCHEMA_VERSION),
  kind: external_exports.literal("mlops/lineage"),
  model: external_exports.object({
    file: external_exports.string(),
    sha256: external_exports.string().regex(/^[0-9a-f]{64}$/),
    size_bytes: external_exports.number().int().nonnegative(),
    format: external_exports.literal("onnx"),
    framework: external_exports.string(),
    task: external_exports.enum(["classification", "regression"]).optional(),
    target: external_exports.string().optional(),
    signature: external_exports.object({
      inputs: external_exports.array(external_exports.object({ name: external_exports.string(), type: external_exports.string(), shape: external_exports.array(external_exports.union([external_exports.number(), external_exports.string()])) })),
      outputs: external_exports.array(external_exports.object({ name: external_exports.string(), type: external_exports.string(), shape: external_exports.array(external_exports.union([external_exports.number(), external_exports.string()])) }))
    })
  }),
  params: external_exports.record(external_exports.string(), external_exports.unknown()),
  metrics: external_exports.record(external_exports.string(), external_exports.number()),
  data: external_exports.object({
    /** sha256 over the training files' bytes, in order: "sha256:<hex>". */
    fingerprint: external_exports.string(),
    files: external_exports.array(external_exports.object({ path: external_exports.string(), sha256: external_exports.string(), bytes: external_exports.number().int().nonnegative(), location: DataLocationSchema.optional() })),
    rows: external_exports.number().int().nonnegative(),
    profile: ProfileSchema.optional()
  }),
  source: external_exports.object({
    commit: external_exports.string().optional(),
    /** The training's working directory relative to the repository root (data paths are relative to it). */
    directory: external_exports.string().optional(),
    ref: external_exports.string().optional(),
    repository: external_exports.string().optional(),
    run_id: external_exports.string().optional(),
    run_url: external_exports.string().optional(),
    actor: external_exports.string().optional(),
    workflow: external_exports.string().optional()
  }),
  environment: external_exports.object({
    runner_name: external_exports.string().optional(),
    runner_labels: external_exports.array(external_exports.string()).optional(),
    os: external_exports.string(),
    arch: external_exports.string(),
    cpus: external_exports.number().int(),
    memory_bytes: external_exports.number(),
    gpu: external_exports.array(external_exports.object({ name: external_exports.string(), memory_total: external_exports.string(), driver_version: external_exports.string() })).optional(),
    node: external_exports.string(),
    packages: external_exports.record(external_exports.string(), external_exports.string()),
    backend: external_exports.string().optional()
  }),
  /** How the training process ran (command trainer; the built-in one records its duration only). */
  run: external_exports.object({
    command: external_exports.string().optional(),
    exit_code: external_exports.number().int().optional(),
    peak_memory_bytes: external_exports.number().nonnegative().optional()
  }).optional(),
  seed: external_exports.number().int().optional(),
  /** Permutation importance of each feature on the validation rows (built-in trainer); mlops drift weights columns by it. */
  importance: ImportanceSchema.optional(),
  started_at: external_exports.string(),
  duration_s: external_exports.number().nonnegative()
});

// src/registry/format.ts
var REGISTRY_SCHEMA_VERSION = 1;
var DEFAULT_BRANCH = "mlops-registry";
var DEFAULT_STAGES = ["staging", "production", "archived"];
var DEFAULT_MAX_INLINE_BYTES = 50 * 1024 * 1024;
var EVENTS_PER_SHARD = 100;
var MODEL_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
var STAGE_NAME = /^[a-z][a-z0-9-]{0,31}$/;
var Sha256 = external_exports.string().regex(/^[0-9a-f]{64}$/);
var RegistryConfigSchema = external_exports.object({
  schema_version: external_exports.literal(REGISTRY_SCHEMA_VERSION),
  kind: external_exports.literal("mlops/registry"),
  stages: external_exports.array(external_exports.string().regex(STAGE_NAME)).min(1),
  created_at: external_exports.string()
});
var StagePointerSchema = external_exports.object({
  version: external_exports.number().int().positive(),
  since: external_exports.string(),
  /** Earlier holders, oldest first; rollback pops the last one. */
  history: external_exports.array(external_exports.number().int().positive())
});
var ModelIndexSchema = external_exports.object({
  schema_version: external_exports.literal(REGISTRY_SCHEMA_VERSION),
  kind: external_exports.literal("mlops/registry-index"),
  name: external_exports.string().regex(MODEL_NAME),
  latest_version: external_exports.number().int().nonnegative(),
  events: external_exports.number().int().nonnegative(),
  stages: external_exports.record(external_exports.string(), StagePointerSchema),
  deprecated: external_exports.record(external_exports.string(), external_exports.object({ at: external_exports.string(), actor: external_exports.string(), reason: external_exports.string().optional() })),
  /** Container images built from a version (`mlops registry annotate`), newest last. */
  images: external_exports.record(external_exports.string(), external_exports.array(external_exports.object({ image: external_exports.string(), digest: external_exports.string().regex(/^sha256:[0-9a-f]{64}$/), at: external_exports.string(), actor: external_exports.string() }))).optional()
});
var TensorSchema = external_exports.object({ name: external_exports.string(), type: external_exports.string(), shape: external_exports.array(external_exports.union([external_exports.number(), external_exports.string()])) });
var ModelStorageSchema = external_exports.discriminatedUnion("kind", [
  /** The model file lives next to metadata.json in the version folder. */
  external_exports.object({ kind: external_exports.literal("inline"), path: external_exports.string() }),
  /** Too big for the branch: a release asset, Actions artifact or LFS URL, checked by sha256 on get. */
  external_exports.object({ kind: external_exports.literal("pointer"), url: external_exports.string() })
]);
var SourceSchema = LineageSchema.shape.source;
var StoredLineageSchema = LineageSchema.extend({
  data: LineageSchema.shape.data.omit({ profile: true })
});
var EvaluationSummarySchema = external_exports.object({
  verdict: external_exports.enum(["pass", "fail"]),
  primary_metric: external_exports.string(),
  data: external_exports.array(external_exports.string()),
  rows: external_exports.number().int().nonnegative(),
  /** The champion it was compared with (the report's model path), null for a first model. */
  champion: external_exports.string().nullable(),
  rules: external_exports.array(
    external_exports.object({
      rule: external_exports.string(),
      section: external_exports.string(),
      slice: external_exports.string().optional(),
      metric: external_exports.string(),
      candidate: external_exports.number().nullable(),
      threshold: external_exports.number().nullable(),
      status: external_exports.enum(["pass", "fail", "skipped"])
    })
  ),
  /** Slice columns and how many groups each had. */
  slices: external_exports.array(external_exports.object({ column: external_exports.string(), groups: external_exports.number().int().nonnegative() }))
});
var VersionMetadataSchema = external_exports.object({
  schema_version: external_exports.literal(REGISTRY_SCHEMA_VERSION),
  kind: external_exports.literal("mlops/registry-version"),
  name: external_exports.string().regex(MODEL_NAME),
  version: external_exports.number().int().positive(),
  created_at: external_exports.string(),
  actor: external_exports.string(),
  description: external_exports.string().optional(),
  limitations: external_exports.string().optional(),
  model: external_exports.object({
    file: external_exports.string(),
    sha256: Sha256,
    size_bytes: external_exports.number().int().nonnegative(),
    format: external_exports.string(),
    framework: external_exports.string().optional(),
    signature: external_exports.object({ inputs: external_exports.array(TensorSchema), outputs: external_exports.array(TensorSchema) }).optional(),
    /** A model with one [N, k] input (another framework's export): the k data columns, in order. */
    features: external_exports.array(external_exports.string()).optional(),
    storage: ModelStorageSchema
  }),
  source: SourceSchema,
  params: external_exports.record(external_exports.string(), external_exports.unknown()),
  metrics: external_exports.record(external_exports.string(), external_exports.number()),
  data: external_exports.object({
    fingerprint: external_exports.string().optional(),
    rows: external_exports.number().int().nonnegative().optional(),
    profile: external_exports.string().optional()
  }),
  lineage: StoredLineageSchema.optional(),
  card: external_exports.string(),
  evaluation: EvaluationSummarySchema.optional(),
  /** DATA_CARD.md beside the model card (versions registered before data cards have none). */
  data_card: external_exports.string().optional()
});
var EVENT_TYPES = ["register", "promote", "rollback", "deprecate", "image"];
var EventSchema = external_exports.object({
  schema_version: external_exports.literal(REGISTRY_SCHEMA_VERSION),
  kind: external_exports.literal("mlops/registry-event"),
  seq: external_exports.number().int().positive(),
  type: external_exports.enum(EVENT_TYPES),
  name: external_exports.string(),
  version: external_exports.number().int().positive(),
  stage: external_exports.string().optional(),
  /** The version that held the stage before this event, if any. */
  previous: external_exports.number().int().positive().optional(),
  at: external_exports.string(),
  actor: external_exports.string(),
  reason: external_exports.string().optional(),
  /** For `image` events: the image reference with its digest (name@sha256:…). */
  image: external_exports.string().optional(),
  run_id: external_exports.string().optional(),
  run_url: external_exports.string().optional()
});
var paths = {
  config: "registry.json",
  modelsDir: "models",
  modelDir: (name) => `models/${name}`,
  index: (name) => `models/${name}/index.json`,
  versionsDir: (name) => `models/${name}/versions`,
  versionDir: (name, version) => `models/${name}/versions/${version}`,
  metadata: (name, version) => `models/${name}/versions/${version}/metadata.json`,
  eventsDir: (name) => `models/${name}/events`,
  eventShard: (name, seq) => `models/${name}/events/${String(Math.floor((seq - 1) / EVENTS_PER_SHARD)).padStart(6, "0")}.jsonl`
};
function parseStored(schema, text, where) {
  let json2;
  try {
    json2 = JSON.parse(text);
  } catch (err) {
    throw new MlopsError(`${where}: corrupt registry file, not valid JSON (${err.message})`);
  }
  const version = json2?.schema_version;
  if (typeof version === "number" && version > REGISTRY_SCHEMA_VERSION) {
    throw new MlopsError(`${where}: registry schema_version ${version} is newer than this mlops supports (${REGISTRY_SCHEMA_VERSION}); upgrade mlops`);
  }
  const result = schema.safeParse(json2);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new MlopsError(`${where}: corrupt registry file: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return result.data;
}
function parseEvents(text, where) {
  return text.split("\n").map((line, i) => ({ line, i })).filter(({ line }) => line.trim() !== "").map(({ line, i }) => parseStored(EventSchema, line, `${where} line ${i + 1}`));
}
function stringify(value) {
  return JSON.stringify(value, null, 2) + "\n";
}
function versionLabel(version) {
  return `v${version}`;
}

// src/registry/refs.ts
function parseModelRef(text) {
  const match = /^([^@#]+)(?:@v?(\d+)|#(.+))?$/.exec(text.trim());
  if (!match) throw new MlopsError(`"${text}" is not a model reference: use NAME, NAME@vN or NAME#STAGE`);
  const [, name, version, stage] = match;
  checkName(name);
  if (version !== void 0) {
    const n = Number(version);
    if (!Number.isSafeInteger(n) || n < 1) throw new MlopsError(`"${text}": versions are v1, v2, ...`);
    return { name, version: n };
  }
  if (stage !== void 0) {
    if (!STAGE_NAME.test(stage)) throw new MlopsError(`"${text}": "${stage}" is not a stage name (lowercase letters, digits, dashes)`);
    return { name, stage };
  }
  return { name };
}
function parseVersion(text) {
  const match = /^v?(\d+)$/.exec(text.trim());
  const n = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new MlopsError(`"${text}" is not a version: use v1, v2, ... (or 1, 2, ...)`);
  return n;
}
function checkName(name) {
  if (!MODEL_NAME.test(name)) {
    throw new MlopsError(`"${name}" is not a model name: lowercase letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64 characters`);
  }
  return name;
}

// src/registry/open.ts
import { isAbsolute, resolve as resolve2 } from "node:path";

// src/registry/git-store.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { existsSync as existsSync2 } from "node:fs";
import { mkdir as mkdir2, mkdtemp, readFile as readFile2, rename as rename2, rm, writeFile as writeFile2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname as dirname2, join as join3 } from "node:path";

// src/registry/git-objects.ts
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join as join2 } from "node:path";
import { promisify } from "node:util";
import { deflate } from "node:zlib";
var deflateAsync = promisify(deflate);
function objectId(type, content) {
  return createHash("sha1").update(`${type} ${content.length}\0`).update(content).digest("hex");
}
async function writeObject(repo, type, content) {
  const id = objectId(type, content);
  const dir = join2(repo, "objects", id.slice(0, 2));
  const file = join2(dir, id.slice(2));
  if (existsSync(file)) return id;
  await mkdir(dir, { recursive: true });
  const tmp = join2(dir, `tmp_obj_${randomBytes(6).toString("hex")}`);
  await writeFile(tmp, await deflateAsync(Buffer.concat([Buffer.from(`${type} ${content.length}\0`), content])));
  await rename(tmp, file);
  return id;
}
function parseTree(content) {
  const entries = [];
  let pos = 0;
  while (pos < content.length) {
    const space = content.indexOf(32, pos);
    const nul = content.indexOf(0, space);
    entries.push({
      mode: content.subarray(pos, space).toString(),
      name: content.subarray(space + 1, nul).toString(),
      id: content.subarray(nul + 1, nul + 21).toString("hex")
    });
    pos = nul + 21;
  }
  return entries;
}
function serializeTree(entries) {
  const key = (e) => Buffer.from(e.mode === "40000" ? e.name + "/" : e.name);
  const sorted = [...entries].sort((a, b) => Buffer.compare(key(a), key(b)));
  return Buffer.concat(sorted.flatMap((e) => [Buffer.from(`${e.mode} ${e.name}\0`), Buffer.from(e.id, "hex")]));
}
async function readObjects(repo, names) {
  if (names.length === 0) return [];
  const out = await git(["cat-file", "--batch"], { cwd: repo, input: names.map((n) => n + "\n").join("") });
  const results = [];
  let pos = 0;
  for (let i = 0; i < names.length; i++) {
    const eol = out.indexOf(10, pos);
    const header = out.subarray(pos, eol).toString();
    pos = eol + 1;
    if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
      results.push(null);
      continue;
    }
    const [, type, size] = header.split(" ");
    results.push({ type, content: out.subarray(pos, pos + Number(size)) });
    pos += Number(size) + 1;
  }
  return results;
}
async function buildTree(repo, base, files) {
  const dirs = /* @__PURE__ */ new Set([""]);
  for (const path of files.keys()) {
    const parts = path.split("/");
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
  }
  const order = [...dirs].sort((a, b) => depth(b) - depth(a));
  const existing = base ? await readObjects(
    repo,
    order.map((d) => d === "" ? `${base}^{tree}` : `${base}:${d}`)
  ) : order.map(() => null);
  const built = /* @__PURE__ */ new Map();
  for (let i = 0; i < order.length; i++) {
    const dir = order[i];
    const old = existing[i];
    const entries = new Map((old?.type === "tree" ? parseTree(old.content) : []).map((e) => [e.name, e]));
    const prefix = dir === "" ? "" : dir + "/";
    for (const [path, id] of files) {
      if (path.startsWith(prefix) && !path.slice(prefix.length).includes("/"))
        entries.set(path.slice(prefix.length), { mode: "100644", name: path.slice(prefix.length), id });
    }
    for (const [sub, id] of built) {
      if (sub !== dir && sub.startsWith(prefix) && !sub.slice(prefix.length).includes("/"))
        entries.set(sub.slice(prefix.length), { mode: "40000", name: sub.slice(prefix.length), id });
    }
    built.set(dir, await writeObject(repo, "tree", serializeTree([...entries.values()])));
  }
  return built.get("");
}
function depth(dir) {
  return dir === "" ? 0 : dir.split("/").length;
}

// src/registry/git-store.ts
var CONFLICT = /non-fast-forward|fetch first|failed to update ref|cannot lock ref|incorrect old value|stale info|atomic push failed/;
var LOCKED = /\.lock': File exists|Unable to create .*\.lock|cannot lock ref|shallow file has changed since we read it/;
var MISSING_BRANCH = /couldn't find remote ref/;
async function openGitStore(options) {
  const temporary = options.cacheDir === void 0;
  const repo = temporary ? await mkdtemp(join3(tmpdir(), "mlops-registry-")) : options.cacheDir;
  await initBareRepo(repo, temporary);
  const remoteRun = (args) => git(args, { cwd: repo, config: options.config });
  const branchRef = `refs/heads/${options.branch}`;
  const markerName = markerRef(options.branch);
  const markers = /* @__PURE__ */ new WeakMap();
  async function fetchHeads() {
    const local = `refs/mlops/fetch/${process.pid}-${randomBytes2(4).toString("hex")}`;
    let refspecs = [`+${branchRef}:${local}/head`, `+refs/mlops/issued/*:${local}/issued/*`];
    for (let attempt = 0; ; attempt++) {
      try {
        await remoteRun(["fetch", "--depth=1", "--no-tags", "--no-write-fetch-head", "--quiet", options.remote, ...refspecs]);
        break;
      } catch (err) {
        if (err instanceof GitCommandError && MISSING_BRANCH.test(err.stderr) && attempt < 20) {
          const listed = (await remoteRun(["ls-remote", options.remote, branchRef, markerName])).toString();
          if (listed.includes(`	${branchRef}
`)) continue;
          if (!listed.includes(`	${markerName}
`)) break;
          refspecs = [`+${markerName}:${local}/issued/${options.branch}`];
          continue;
        }
        if (err instanceof GitCommandError && LOCKED.test(err.stderr) && attempt < 20) {
          await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
          continue;
        }
        throw new MlopsError(`cannot read the registry from ${options.remote}: ${gitReason(err)}`);
      }
    }
    const readRef = (ref) => readFile2(join3(repo, ref), "utf8").then(
      (t) => t.trim(),
      () => null
    );
    const [commit, marker] = [await readRef(`${local}/head`), await readRef(`${local}/issued/${options.branch}`)];
    await rm(join3(repo, local), { recursive: true, force: true });
    return { commit, marker };
  }
  return {
    description: `${options.remote} (branch ${options.branch})`,
    async snapshot() {
      let read = await fetchHeads();
      for (let again = 0; again < 3 && read.marker !== null && read.marker !== read.commit; again++) read = await fetchHeads();
      const snapshot = gitSnapshot(repo, read.commit, read.marker);
      markers.set(snapshot, read.marker);
      return snapshot;
    },
    async commit(base, request) {
      const files = /* @__PURE__ */ new Map();
      for (const change of request.changes) files.set(change.path, await writeObject(repo, "blob", change.content));
      const tree = await buildTree(repo, base.commit, files);
      const person = `${COMMITTER.name} <${COMMITTER.email}> ${Math.floor(request.date.getTime() / 1e3)} +0000`;
      const parents = base.commit ? `parent ${base.commit}
` : "";
      const commit = await writeObject(repo, "commit", Buffer.from(`tree ${tree}
${parents}author ${person}
committer ${person}

${request.message}`));
      const refspecs = [`${commit}:${branchRef}`, `${commit}:${markerName}`];
      for (const tag of request.tags) {
        const tagObject = await writeObject(
          repo,
          "tag",
          Buffer.from(`object ${tag.commit ?? commit}
type commit
tag ${tag.name}
tagger ${person}

${tag.message}
`)
        );
        refspecs.push(`${tagObject}:refs/tags/${tag.name}`);
      }
      try {
        const lease = `--force-with-lease=${markerName}:${markers.get(base) ?? ""}`;
        await remoteRun(["push", "--atomic", "--porcelain", "--quiet", lease, options.remote, ...refspecs]);
      } catch (err) {
        const taken = err instanceof GitCommandError ? /refs\/tags\/(\S+)\t\[rejected\] \(already exists\)/.exec(err.stdout) : null;
        if (taken) throw new MlopsError(`cannot write the registry to ${options.remote}: tag ${taken[1]} already exists there (nothing was written)`);
        if (err instanceof GitCommandError && CONFLICT.test(err.stderr + err.stdout)) return { ok: false, reason: gitReason(err) };
        throw new MlopsError(`cannot write the registry to ${options.remote}: ${gitReason(err)}`);
      }
      return { ok: true, commit, tree };
    },
    async tagCommit(name) {
      const local = `refs/mlops/fetch/${process.pid}-${randomBytes2(4).toString("hex")}/tag`;
      try {
        await remoteRun(["fetch", "--depth=1", "--no-tags", "--no-write-fetch-head", "--quiet", options.remote, `+refs/tags/${name}:${local}`]);
      } catch (err) {
        if (err instanceof GitCommandError && MISSING_BRANCH.test(err.stderr)) return null;
        throw new MlopsError(`cannot read tag ${name} from ${options.remote}: ${gitReason(err)}`);
      }
      const commit = (await remoteRun(["rev-parse", `${local}^{commit}`])).toString().trim();
      await remoteRun(["update-ref", "-d", local]);
      return commit;
    },
    async close() {
      if (temporary) await rm(repo, { recursive: true, force: true });
    }
  };
}
function gitSnapshot(repo, commit, marker) {
  const readFiles = async (paths2) => {
    if (!commit || paths2.length === 0) return paths2.map(() => null);
    const objects = await readObjects(
      repo,
      paths2.map((p) => `${commit}:${p}`)
    );
    return objects.map((o) => o && o.type === "blob" ? o.content : null);
  };
  return {
    commit,
    readFiles,
    async readFile(path) {
      return (await readFiles([path]))[0];
    },
    async listDir(path) {
      if (!commit) return [];
      try {
        const out = await gitText(["ls-tree", "--name-only", "-z", `${commit}:${path}`], { cwd: repo });
        return out.split("\0").filter((n) => n !== "").sort();
      } catch (err) {
        if (err instanceof GitCommandError) return [];
        throw err;
      }
    },
    async readTree(path) {
      if (!commit) return [];
      let listing;
      try {
        listing = await git(["ls-tree", "-r", "-z", `${commit}:${path}`], { cwd: repo });
      } catch (err) {
        if (err instanceof GitCommandError) return [];
        throw err;
      }
      const entries = listing.toString().split("\0").filter((e) => e !== "").map((e) => ({ meta: e.slice(0, e.indexOf("	")).split(" "), path: e.slice(e.indexOf("	") + 1) })).filter((e) => e.meta[1] === "blob").sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
      const objects = await readObjects(
        repo,
        entries.map((e) => e.meta[2])
      );
      return entries.flatMap((e, i) => objects[i] ? [{ path: e.path, content: objects[i].content }] : []);
    },
    async highWater() {
      return marker && marker !== commit ? gitSnapshot(repo, marker, null) : null;
    }
  };
}
async function initBareRepo(repo, fresh) {
  if (!fresh && existsSync2(join3(repo, "HEAD"))) return;
  if (!fresh) await mkdir2(dirname2(repo), { recursive: true });
  const target = fresh ? repo : await mkdtemp(join3(dirname2(repo), ".mlops-init-"));
  await writeBareRepo(target);
  if (fresh) return;
  try {
    await rename2(target, repo);
  } catch {
    await rm(target, { recursive: true, force: true });
    if (!existsSync2(join3(repo, "HEAD"))) throw new MlopsError(`${repo}: cannot create the registry cache repository`);
  }
}
async function writeBareRepo(dir) {
  for (const sub of ["objects/info", "objects/pack", "refs/heads", "refs/tags"]) await mkdir2(join3(dir, sub), { recursive: true });
  await writeFile2(join3(dir, "HEAD"), "ref: refs/heads/main\n");
  await writeFile2(
    join3(dir, "config"),
    "[core]\n	repositoryformatversion = 0\n	filemode = true\n	bare = true\n	logAllRefUpdates = false\n[gc]\n	auto = 0\n"
  );
}
function gitReason(err) {
  if (err instanceof GitCommandError) {
    const lines = (err.stderr + "\n" + err.stdout).split("\n").map((l) => l.replace(/^(fatal|error): /, "").trim()).filter((l) => l !== "" && l !== "Done");
    return lines.slice(0, 3).join("; ") || `git exited ${err.code}`;
  }
  return err?.message ?? String(err);
}

// src/registry/inputs.ts
import { resolve } from "node:path";

// src/registry/operations.ts
import { createHash as createHash2 } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile as readFile3, stat } from "node:fs/promises";
import { basename as basename2, extname as extname2 } from "node:path";

// src/registry/gto-tags.ts
function gtoVersion(version) {
  return `v${version}.0.0`;
}
var GTO_NAME = /^[a-zA-Z0-9]([a-zA-Z0-9\-/_]*[a-zA-Z0-9])?$/;
function checkGtoName(name) {
  if (!GTO_NAME.test(name))
    throw new MlopsError(
      `model name "${name}": GTO cannot read tags of a name with "." (letters, digits, "-", "_" and "/" only); register it without tags or under another name`
    );
}
function versionTag(name, version, message) {
  return { name: `${name}@${gtoVersion(version)}`, message };
}
async function onVersionCommit(store, name, version, tags) {
  const vTag = versionTag(name, version, `registry: register ${name} v${version}`);
  const at = store.tagCommit ? await store.tagCommit(vTag.name) : null;
  return at ? tags.map((t) => ({ ...t, commit: at })) : [vTag, ...tags];
}

// src/registry/card.ts
var NOT_STATED = "_Not stated._";
function modelCard(meta, profile) {
  const sections = [`# ${meta.name} ${versionLabel(meta.version)}`, "", `Registered ${meta.created_at} by ${meta.actor}.`, ""];
  sections.push("## Intended use", "", meta.description ?? `${NOT_STATED} Register with \`--description\` to say what this model is for.`, "");
  const m = meta.model;
  const rows = [
    ["file", code(m.file)],
    ["format", m.format],
    ...m.framework ? [["framework", m.framework]] : [],
    ["size", `${formatNumber(m.size_bytes)} bytes`],
    ["sha256", code(m.sha256)],
    ["stored", m.storage.kind === "inline" ? "in the registry branch" : `at ${m.storage.url}`]
  ];
  sections.push("## Model", "", table(["", ""], rows), "");
  if (m.signature) {
    const sig = [
      ...m.signature.inputs.map((t) => ["input", t.name, t.type, `[${t.shape.join(", ")}]`]),
      ...m.signature.outputs.map((t) => ["output", t.name, t.type, `[${t.shape.join(", ")}]`])
    ];
    sections.push(table(["", "tensor", "type", "shape"], sig), "");
  }
  sections.push("## Evaluation", "");
  sections.push(...evaluationSection(meta));
  sections.push("## Training data", "");
  if (meta.data_card)
    sections.push(`Sources and their locations, columns, missing shares, ranges, categories and known gaps: [the data card](${meta.data_card}).`, "");
  const data = [];
  if (meta.data.fingerprint) data.push(["fingerprint", code(meta.data.fingerprint)]);
  if (meta.data.rows !== void 0) data.push(["rows", meta.data.rows]);
  for (const f of meta.lineage?.data.files ?? []) data.push([`file ${code(f.path)}`, `${formatNumber(f.bytes)} bytes, sha256 ${code(f.sha256.slice(0, 12))}`]);
  sections.push(data.length ? table(["", ""], data) : NOT_STATED, "");
  if (profile) {
    sections.push(
      table(
        ["column", "type", "nulls", "distinct", "mean", "std"],
        profile.columns.map((c) => [c.name, c.type, c.nulls, c.distinct.value, c.numeric?.mean, c.numeric?.std]),
        ["l", "l", "r", "r", "r", "r"]
      ),
      ""
    );
  }
  sections.push("## Metrics", "");
  const metrics = Object.entries(meta.metrics);
  sections.push(metrics.length ? table(["metric", "value"], metrics, ["l", "r"]) : NOT_STATED, "");
  const params = Object.entries(meta.params);
  if (params.length)
    sections.push(
      "## Parameters",
      "",
      table(
        ["parameter", "value"],
        params.map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])
      ),
      ""
    );
  sections.push("## Lineage", "");
  const s = meta.source;
  const lineage = [];
  if (s.repository) lineage.push(["repository", s.repository]);
  if (s.commit) lineage.push(["commit", code(s.commit)]);
  if (s.ref) lineage.push(["ref", s.ref]);
  if (s.workflow) lineage.push(["workflow", s.workflow]);
  if (s.run_url ?? s.run_id) lineage.push(["run", s.run_url ?? s.run_id ?? ""]);
  if (s.actor) lineage.push(["actor", s.actor]);
  const env = meta.lineage?.environment;
  if (env) {
    lineage.push(["environment", `${env.os}/${env.arch}, ${env.cpus} CPUs, node ${env.node}${env.backend ? `, ${env.backend}` : ""}`]);
    if (env.gpu?.length) lineage.push(["gpu", env.gpu.map((g) => g.name).join(", ")]);
  }
  if (meta.lineage)
    lineage.push([
      "trained",
      `${meta.lineage.started_at} in ${formatNumber(meta.lineage.duration_s)} s${meta.lineage.seed !== void 0 ? `, seed ${meta.lineage.seed}` : ""}`
    ]);
  sections.push(lineage.length ? table(["", ""], lineage) : NOT_STATED, "");
  sections.push(
    "## Limitations",
    "",
    meta.limitations ?? `${NOT_STATED} Register with \`--limitations\` to record known weaknesses and out-of-scope uses.`,
    ""
  );
  return sections.join("\n");
}
function evaluationSection(meta) {
  const e = meta.evaluation;
  if (!e)
    return [`${NOT_STATED} Register with \`--evaluation\` (the evaluate report) to record the gate this version passed and the slices it was judged on.`, ""];
  const against = e.champion ? `against the champion ${code(e.champion)}` : "as a first model (absolute rules only)";
  const out = [`Gate **${e.verdict}** on ${formatNumber(e.rows)} rows of ${e.data.map(code).join(", ")}, ${against}; primary metric ${e.primary_metric}.`, ""];
  const rules = e.rules.filter((r) => r.section !== "slices");
  if (rules.length)
    out.push(
      table(
        ["rule", "metric", "value", "threshold", "result"],
        rules.map((r) => [code(r.rule), r.metric, r.candidate ?? "\u2014", r.threshold ?? "\u2014", r.status]),
        ["l", "l", "r", "r", "l"]
      ),
      ""
    );
  if (e.slices.length) {
    const sliceRules = e.rules.filter((r) => r.section === "slices");
    const failed = sliceRules.filter((r) => r.status === "fail").length;
    const judged = sliceRules.filter((r) => r.status !== "skipped").length;
    out.push(
      `Judged on slices of ${e.slices.map((s) => `${code(s.column)} (${s.groups} groups)`).join(", ")}: ${judged} slice rule checks applied, ${failed} failed, ${sliceRules.length - judged} skipped (too few rows).`,
      ""
    );
  } else out.push("No slices were evaluated.", "");
  return out;
}

// src/registry/data-card.ts
var NOT_RECORDED = "_Not recorded._";
var TOP_CATEGORIES = 5;
function formatShare(part, whole) {
  return whole > 0 ? `${(100 * part / whole).toFixed(1)}%` : "\u2014";
}
function dataCard(meta, profile) {
  const lineage = meta.lineage;
  const out = [`# Data card: ${meta.name} ${versionLabel(meta.version)}`, ""];
  out.push(
    `The data ${meta.name} ${versionLabel(meta.version)} was trained on, from the profile and lineage stored with the version. Its model card is [MODEL_CARD.md](${meta.card}).`,
    ""
  );
  out.push("## Sources", "");
  const facts = [];
  if (meta.data.fingerprint) facts.push(["fingerprint", code(meta.data.fingerprint)]);
  if (profile) facts.push(["rows profiled", profile.rows]);
  if (meta.data.rows !== void 0) facts.push(["rows trained on", meta.data.rows]);
  if (profile) facts.push(["columns", profile.columns.length]);
  out.push(facts.length ? table(["", ""], facts) : NOT_RECORDED, "");
  const files = lineage?.data.files ?? [];
  if (files.length) {
    const rowsOf = new Map((profile?.sources ?? []).map((s) => [s.file, s.rows]));
    out.push(
      table(
        ["file", "rows", "bytes", "sha256", "location"],
        files.map((f) => [code(f.path), rowsOf.get(f.path), f.bytes, code(f.sha256), locationText(f.location)]),
        ["l", "r", "r", "l", "l"]
      ),
      ""
    );
  } else if (profile) {
    out.push(
      table(
        ["file", "rows"],
        profile.sources.map((s) => [code(s.file), s.rows]),
        ["l", "r"]
      ),
      ""
    );
  }
  out.push("## Columns", "");
  if (profile) {
    out.push(
      table(
        ["column", "type", "missing", "missing share", "distinct", "min", "max", "mean", "std"],
        profile.columns.map((c) => [
          c.name,
          c.type,
          c.nulls,
          formatShare(c.nulls, c.count),
          `${c.distinct.exact ? "" : "\u2248 "}${c.distinct.value}`,
          ...range(c),
          c.numeric ? formatNumber(c.numeric.mean) : "",
          c.numeric ? formatNumber(c.numeric.std) : ""
        ]),
        ["l", "l", "r", "r", "r", "r", "r", "r", "r"]
      ),
      ""
    );
    const categorical = profile.columns.filter((c) => (c.type === "category" || c.type === "boolean") && c.top_categories);
    if (categorical.length) {
      out.push("### Top categories", "");
      out.push(
        table(
          ["column", "value", "count", "share"],
          categorical.flatMap(
            (c) => c.top_categories.values.slice(0, TOP_CATEGORIES).map((v) => [c.name, code(v.value), v.count, formatShare(v.count, c.count - c.nulls)])
          ),
          ["l", "l", "r", "r"]
        ),
        ""
      );
    }
  } else out.push(`${NOT_RECORDED} Register with \`--profile\` or a lineage from \`mlops train\` to describe the columns.`, "");
  out.push("## Validation at training time", "");
  out.push(`${NOT_RECORDED} The trainers do not validate the data; the workflow's \`mlops validate\` step does, and its report is kept with that run.`, "");
  out.push("## Known gaps", "");
  out.push(...knownGaps(meta, profile), "");
  return out.join("\n");
}
function range(c) {
  if (c.numeric) return [String(c.numeric.min), String(c.numeric.max)];
  if (c.datetime) return [c.datetime.min, c.datetime.max];
  if (c.type === "string" && c.string_length) return [`${c.string_length.min} chars`, `${c.string_length.max} chars`];
  return ["", ""];
}
function locationText(location) {
  if (!location) return "not recorded";
  switch (location.kind) {
    case "git":
      return `git ${code(location.path)}${location.commit ? ` at ${code(location.commit.slice(0, 12))}` : ""}${location.lfs ? ` (Git LFS ${code(location.lfs.oid)})` : ""}`;
    case "local":
      return "local: not in git at the commit (only the training machine had it)";
    case "artifact":
      return `Actions artifact ${code(location.name)}${location.run_id ? ` of run ${location.run_id}` : ""}${location.repository ? ` in ${location.repository}` : ""}`;
    case "release":
      return `release asset ${code(location.asset)} of ${location.repository}@${location.tag}`;
    case "url":
      return code(location.uri);
  }
}
function knownGaps(meta, profile) {
  const params = meta.lineage?.params ?? meta.params;
  const gaps = [];
  const target = meta.lineage?.model.target;
  if (target) gaps.push(`- \`${target}\` is the target, not a feature.`);
  const selection = params.feature_selection;
  for (const name of selection?.exclude ?? []) gaps.push(`- \`${name}\`: excluded in the train config (features.exclude).`);
  if (selection?.include && profile) {
    for (const c of profile.columns)
      if (c.name !== target && !selection.include.includes(c.name)) gaps.push(`- \`${c.name}\`: not listed in the train config's features.include.`);
  }
  for (const s of Array.isArray(params.skipped_columns) ? params.skipped_columns : []) {
    const m = /^(.*?) \((.*)\)$/.exec(s);
    gaps.push(m ? `- \`${m[1]}\`: skipped by the trainer: ${m[2]}.` : `- \`${s}\`: skipped by the trainer.`);
  }
  if (profile && meta.data.rows !== void 0 && meta.data.rows < profile.rows)
    gaps.push(`- ${profile.rows - meta.data.rows} of ${profile.rows} rows had no target and were not trained on.`);
  for (const c of profile?.columns ?? []) {
    if (c.type_drift) gaps.push(`- \`${c.name}\`: ${c.type_drift.non_numeric} non-numeric cells in a numeric column.`);
  }
  if (params.trainer === "command") gaps.push("- The command trainer does not record which columns the command used.");
  if (gaps.length === 0) gaps.push(meta.lineage ? "None: every column was used." : `${NOT_RECORDED} The version has no training lineage.`);
  return gaps;
}

// src/registry/transaction.ts
var DEFAULT_RETRY = {
  attempts: 60,
  baseMs: 100,
  maxMs: 8e3,
  spanAttempts: 16,
  jitterFloor: 0.25,
  random: Math.random,
  sleep: (ms) => new Promise((resolve3) => setTimeout(resolve3, ms)),
  clock: () => performance.now()
};
async function mutate(store, plan, options) {
  const policy = { ...DEFAULT_RETRY, ...options.retry };
  let lastReason = "";
  const timing = { snapshot_ms: 0, plan_ms: 0, commit_ms: 0, wait_ms: 0 };
  const clock = policy.clock;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    const started = clock();
    const snapshot = await store.snapshot();
    const read = clock();
    const now = options.now();
    const mutation = await plan(snapshot, now);
    const planned = clock();
    const outcome = await store.commit(snapshot, { message: mutation.message, changes: mutation.changes, tags: mutation.tags, date: now });
    const ended = clock();
    timing.snapshot_ms += read - started;
    timing.plan_ms += planned - read;
    timing.commit_ms += ended - planned;
    if (outcome.ok) return { result: mutation.result, commit: outcome.commit, tree: outcome.tree, attempts: attempt, timing };
    lastReason = outcome.reason;
    const unit = Math.max(policy.baseMs, ended - started);
    const window2 = Math.min(Math.max(policy.maxMs, unit * policy.spanAttempts), unit * 2 ** Math.min(attempt, 16));
    const wait = window2 * (policy.jitterFloor + (1 - policy.jitterFloor) * policy.random());
    await policy.sleep(wait);
    timing.wait_ms += wait;
  }
  throw new MlopsError(`${store.description}: gave up after ${policy.attempts} attempts, the registry branch kept moving (${lastReason})`);
}

// src/registry/operations.ts
async function readConfig(snapshot) {
  const bytes = await snapshot.readFile(paths.config);
  return bytes ? parseStored(RegistryConfigSchema, bytes.toString(), paths.config) : null;
}
async function readIndex(snapshot, name) {
  const bytes = await snapshot.readFile(paths.index(name));
  return bytes ? parseStored(ModelIndexSchema, bytes.toString(), paths.index(name)) : null;
}
async function requireIndex(snapshot, name) {
  const index = await readIndex(snapshot, checkName(name));
  if (index) return index;
  const known = await snapshot.listDir(paths.modelsDir);
  throw new MlopsError(`no model named "${name}" in the registry${known.length ? ` (models: ${known.join(", ")})` : ""}`);
}
async function readMetadata(snapshot, name, version) {
  const file = paths.metadata(name, version);
  const bytes = await snapshot.readFile(file);
  if (!bytes) throw new MlopsError(`${file}: missing: ${name} ${versionLabel(version)} is not in the registry (run mlops registry check)`);
  return parseStored(VersionMetadataSchema, bytes.toString(), file);
}
async function checkStage(snapshot, stage) {
  checkStageIn(await readConfig(snapshot), stage);
}
function checkStageIn(config, stage) {
  const stages = config?.stages ?? DEFAULT_STAGES;
  if (!stages.includes(stage)) throw new MlopsError(`unknown stage "${stage}": this registry has stages ${stages.join(", ")}`);
}
async function resolveVersion(snapshot, ref) {
  const index = await requireIndex(snapshot, ref.name);
  if (ref.version !== void 0) {
    if (ref.version > index.latest_version)
      throw new MlopsError(`${ref.name} ${versionLabel(ref.version)} does not exist (latest is ${versionLabel(index.latest_version)})`);
    return ref.version;
  }
  if (ref.stage !== void 0) {
    await checkStage(snapshot, ref.stage);
    const pointer = index.stages[ref.stage];
    if (!pointer) throw new MlopsError(`no version of ${ref.name} is in stage ${ref.stage}`);
    return pointer.version;
  }
  if (index.latest_version === 0) throw new MlopsError(`${ref.name} has no versions`);
  return index.latest_version;
}
async function absentReason(snapshot, ref) {
  checkName(ref.name);
  if (ref.version === void 0 && ref.stage !== void 0) await checkStage(snapshot, ref.stage);
  if (snapshot.commit === null) return "the registry branch does not exist yet";
  const index = await readIndex(snapshot, ref.name);
  if (!index) return `no model named "${ref.name}" in the registry yet`;
  if (ref.version === void 0 && ref.stage !== void 0 && !index.stages[ref.stage]) return `no version of ${ref.name} is in stage ${ref.stage} yet`;
  if (ref.version === void 0 && ref.stage === void 0 && index.latest_version === 0) return `${ref.name} has no versions yet`;
  return null;
}
function stagesHeld(index, version) {
  return Object.entries(index.stages).filter(([, p]) => p.version === version).map(([s]) => s).sort();
}
var corrupt = (file, what) => new MlopsError(`${file}: ${what}: the registry branch is corrupt (run mlops registry check)`);
async function readForWrite(snapshot, name, options) {
  const [configBytes, indexBytes] = await snapshot.readFiles([paths.config, paths.index(name)]);
  const config = configBytes ? parseStored(RegistryConfigSchema, configBytes.toString(), paths.config) : null;
  if (!config && indexBytes) throw corrupt(paths.config, `missing, but ${paths.index(name)} exists`);
  let index;
  if (indexBytes) index = parseStored(ModelIndexSchema, indexBytes.toString(), paths.index(name));
  else if (options.create) index = emptyIndex(name);
  else index = await requireIndex(snapshot, name);
  if (index.name !== name) throw corrupt(paths.index(name), `names model "${index.name}"`);
  for (const [stage, pointer] of Object.entries(index.stages)) {
    if (pointer.version > index.latest_version)
      throw corrupt(paths.index(name), `stage ${stage} points at ${versionLabel(pointer.version)}, beyond latest_version ${index.latest_version}`);
    const beyond = pointer.history.find((v) => v > index.latest_version);
    if (beyond !== void 0)
      throw corrupt(paths.index(name), `stage ${stage} history holds ${versionLabel(beyond)}, beyond latest_version ${index.latest_version}`);
  }
  const shards = await checkEventCount(snapshot, index);
  await checkHighWater(snapshot, index);
  return { config, index, shards };
}
async function checkEventCount(snapshot, index) {
  const last = index.events > 0 ? paths.eventShard(index.name, index.events) : null;
  const next = paths.eventShard(index.name, index.events + 1);
  const files = [...new Set([last, next].filter((f) => f !== null))];
  const bytes = await snapshot.readFiles(files);
  const shards = new Map(files.map((f, i) => [f, bytes[i]]));
  const count = (file) => parseEvents(shards.get(file)?.toString() ?? "", file);
  if (last) {
    const events = count(last);
    const first = index.events - (index.events - 1) % EVENTS_PER_SHARD;
    const expected = Array.from({ length: index.events - first + 1 }, (_, i) => first + i);
    if (events.length !== expected.length || events.some((e, i) => e.seq !== expected[i])) {
      throw corrupt(last, `${first - 1 + events.length} events but ${paths.index(index.name)} counts ${index.events}`);
    }
  }
  if (next !== last && count(next).length > 0)
    throw corrupt(next, `${index.events + count(next).length} events but ${paths.index(index.name)} counts ${index.events}`);
  return shards;
}
async function checkHighWater(snapshot, index) {
  const high = await snapshot.highWater();
  if (!high) return;
  const bytes = await high.readFile(paths.index(index.name));
  if (!bytes) return;
  const seen = parseStored(ModelIndexSchema, bytes.toString(), `${paths.index(index.name)} at the last registry write ${high.commit}`);
  if (seen.latest_version > index.latest_version || seen.events > index.events) {
    throw new MlopsError(
      `${paths.index(index.name)}: the registry branch was rewound: the last registry write (${high.commit?.slice(0, 12)}) had ${index.name} ${versionLabel(seen.latest_version)} and ${seen.events} events, the branch has ${versionLabel(index.latest_version)} and ${index.events}; writing now would issue a version number twice. Restore the branch to ${high.commit} (git push REMOTE ${high.commit}:refs/heads/BRANCH) and retry`
    );
  }
}
async function presentVersion(snapshot, index, version) {
  if (version > index.latest_version)
    throw new MlopsError(`${index.name} ${versionLabel(version)} does not exist (latest is ${versionLabel(index.latest_version)})`);
  await readMetadata(snapshot, index.name, version);
}
async function liveVersion(snapshot, index, version, verb) {
  await presentVersion(snapshot, index, version);
  if (index.deprecated[String(version)]) throw new MlopsError(`${index.name} ${versionLabel(version)} is deprecated and cannot be ${verb}`);
}
var json = (path, value) => ({ path, content: Buffer.from(stringify(value)) });
function emptyIndex(name) {
  return { schema_version: REGISTRY_SCHEMA_VERSION, kind: "mlops/registry-index", name, latest_version: 0, events: 0, stages: {}, deprecated: {} };
}
async function appendEvents(snapshot, events, known) {
  const byShard = /* @__PURE__ */ new Map();
  for (const e of events) {
    const shard = paths.eventShard(e.name, e.seq);
    byShard.set(shard, [...byShard.get(shard) ?? [], e]);
  }
  const changes = [];
  for (const [shard, list] of byShard) {
    const existing = (known.has(shard) ? known.get(shard) : await snapshot.readFile(shard)) ?? Buffer.alloc(0);
    parseEvents(existing.toString(), shard);
    const lines = list.map((e) => JSON.stringify(EventSchema.parse(e)) + "\n").join("");
    changes.push({ path: shard, content: Buffer.concat([existing, Buffer.from(lines)]) });
  }
  return changes;
}
function event(ctx, now, fields) {
  return {
    schema_version: REGISTRY_SCHEMA_VERSION,
    kind: "mlops/registry-event",
    at: now.toISOString(),
    actor: ctx.actor,
    ...ctx.run.id ? { run_id: ctx.run.id } : {},
    ...ctx.run.url ? { run_url: ctx.run.url } : {},
    ...fields
  };
}
function configChanges(now) {
  const config = {
    schema_version: REGISTRY_SCHEMA_VERSION,
    kind: "mlops/registry",
    stages: [...DEFAULT_STAGES],
    created_at: now.toISOString()
  };
  return [json(paths.config, config)];
}
function assignStage(index, stage, version, now) {
  const current = index.stages[stage];
  index.stages[stage] = {
    version,
    since: now.toISOString(),
    history: current ? [...current.history, current.version] : []
  };
  return current?.version;
}
function stageTag(name, stage, seq, version, reason) {
  return { name: `${name}#${stage}#${seq}`, message: `${name} ${versionLabel(version)} to ${stage}${reason ? `: ${reason}` : ""}` };
}
async function sha256File(file) {
  let size;
  try {
    size = (await stat(file)).size;
  } catch (err) {
    throw fileError(file, err);
  }
  const hash = createHash2("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return { sha256: hash.digest("hex"), size };
}
function matrixFeatures(bytes, file, given) {
  let described;
  try {
    described = describeOnnx(bytes, file);
  } catch (err) {
    if (given) throw err;
    return void 0;
  }
  const input = matrixInput(described.inputs);
  if (!input) {
    if (given)
      throw new MlopsError(
        `${file}: a feature order is for a model with one [N, k] input; this one takes ${described.inputs.map((i) => `${i.name} ${i.type}[${i.shape.join(",")}]`).join(", ")}`
      );
    return void 0;
  }
  const order = findFeatureOrder(file, described.metadata, given);
  if (!order) return void 0;
  checkFeatureOrder(input, order, file);
  return order.features;
}
async function register(ctx, input) {
  const name = checkName(input.name);
  if (ctx.tags) checkGtoName(name);
  const { sha256, size } = await sha256File(input.modelFile);
  if (input.lineage && input.lineage.model.sha256 !== sha256) {
    throw new MlopsError(
      `${input.modelFile}: sha256 ${sha256.slice(0, 12)}\u2026 does not match the lineage's model (${input.lineage.model.sha256.slice(0, 12)}\u2026); register the model the lineage describes`
    );
  }
  const inline = size <= input.maxInlineBytes;
  if (!inline && !input.modelUrl) {
    throw new SettingError(
      "model-url",
      (name2) => `${input.modelFile} is ${(size / 1048576).toFixed(1)} MB, over the ${(input.maxInlineBytes / 1048576).toFixed(0)} MB limit for storing models in the branch: upload it (release asset, Actions artifact, LFS) and pass its URL with ${name2("model-url")}`
    );
  }
  const modelBytes = inline ? await readModel(input.modelFile) : void 0;
  const ext = extname2(input.modelFile) || ".bin";
  const features = ext === ".onnx" ? matrixFeatures(modelBytes ?? await readModel(input.modelFile), input.modelFile, input.features) : input.features;
  const storedName = `model${ext}`;
  const lineage = input.lineage;
  const storedLineage = lineage ? { ...lineage, data: { fingerprint: lineage.data.fingerprint, files: lineage.data.files, rows: lineage.data.rows } } : void 0;
  const profile = input.profile ?? lineage?.data.profile;
  return mutate(
    ctx.store,
    async (snapshot, now) => {
      const { config, index, shards } = await readForWrite(snapshot, name, { create: true });
      if (input.stage) checkStageIn(config, input.stage);
      const version = index.latest_version + 1;
      const dir = paths.versionDir(name, version);
      if ((await snapshot.listDir(dir)).length > 0) {
        throw new MlopsError(
          `${dir}: already exists, but ${paths.index(name)} has latest_version ${index.latest_version}: refusing to overwrite ${name} ${versionLabel(version)} (run mlops registry check)`
        );
      }
      const meta = {
        schema_version: REGISTRY_SCHEMA_VERSION,
        kind: "mlops/registry-version",
        name,
        version,
        created_at: now.toISOString(),
        actor: ctx.actor,
        ...input.description ? { description: input.description } : {},
        ...input.limitations ? { limitations: input.limitations } : {},
        model: {
          file: basename2(input.modelFile),
          sha256,
          size_bytes: size,
          format: lineage?.model.format ?? (ext.slice(1) || "binary"),
          ...input.framework ?? lineage?.model.framework ? { framework: input.framework ?? lineage?.model.framework } : {},
          ...lineage ? { signature: lineage.model.signature } : {},
          ...features ? { features } : {},
          storage: inline ? { kind: "inline", path: storedName } : { kind: "pointer", url: input.modelUrl }
        },
        source: { ...lineage?.source, ...dropUndefined(input.source) },
        params: { ...lineage?.params, ...input.params },
        metrics: { ...lineage?.metrics, ...input.metrics },
        data: {
          ...lineage ? { fingerprint: lineage.data.fingerprint, rows: lineage.data.rows } : profile ? { rows: profile.rows } : {},
          ...profile ? { profile: "profile.json" } : {}
        },
        ...storedLineage ? { lineage: storedLineage } : {},
        ...input.evaluation ? { evaluation: input.evaluation } : {},
        card: "MODEL_CARD.md",
        data_card: "DATA_CARD.md"
      };
      VersionMetadataSchema.parse(meta);
      const events = [event(ctx, now, { seq: index.events + 1, type: "register", name, version })];
      const tags = [versionTag(name, version, `registry: register ${name} ${versionLabel(version)}`)];
      index.latest_version = version;
      if (input.stage) {
        const previous = assignStage(index, input.stage, version, now);
        events.push(
          event(ctx, now, {
            seq: index.events + 2,
            type: "promote",
            name,
            version,
            stage: input.stage,
            ...previous ? { previous } : {},
            ...input.reason ? { reason: input.reason } : {}
          })
        );
        tags.push(stageTag(name, input.stage, index.events + 2, version, input.reason));
      }
      index.events += events.length;
      const changes = [
        ...config ? [] : configChanges(now),
        json(`${dir}/metadata.json`, meta),
        { path: `${dir}/MODEL_CARD.md`, content: Buffer.from(modelCard(meta, profile)) },
        { path: `${dir}/DATA_CARD.md`, content: Buffer.from(dataCard(meta, profile)) },
        ...modelBytes ? [{ path: `${dir}/${storedName}`, content: modelBytes }] : [],
        ...profile ? [json(`${dir}/profile.json`, profile)] : [],
        ...await appendEvents(snapshot, events, shards),
        json(paths.index(name), index)
      ];
      const label = `${name} ${versionLabel(version)}`;
      return {
        message: `registry: register ${label}${input.stage ? ` to ${input.stage}` : ""}

${trailers(ctx, input.reason)}`,
        changes,
        tags: ctx.tags ? tags : [],
        result: { name, version, sha256, ...input.stage ? { stage: input.stage } : {} }
      };
    },
    { now: ctx.now, retry: ctx.retry }
  );
}
async function readModel(file) {
  try {
    return await readFile3(file);
  } catch (err) {
    throw fileError(file, err);
  }
}
function dropUndefined(value) {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== void 0 && v !== ""));
}
function trailers(ctx, reason) {
  return [
    `Actor: ${ctx.actor}`,
    ...ctx.run.url ? [`Run: ${ctx.run.url}`] : ctx.run.id ? [`Run: ${ctx.run.id}`] : [],
    ...reason ? [`Reason: ${reason.replace(/\n/g, " ")}`] : []
  ].join("\n") + "\n";
}
async function promote(ctx, ref, stage, reason) {
  const name = checkName(ref.name);
  if (ctx.tags) checkGtoName(name);
  return mutate(
    ctx.store,
    async (snapshot, now) => {
      const { config, index, shards } = await readForWrite(snapshot, name, { create: false });
      checkStageIn(config, stage);
      const version = ref.version;
      await liveVersion(snapshot, index, version, "promoted");
      if (index.stages[stage]?.version === version) throw new MlopsError(`${name} ${versionLabel(version)} already holds ${stage}`);
      const previous = assignStage(index, stage, version, now);
      const seq = ++index.events;
      const e = event(ctx, now, { seq, type: "promote", name, version, stage, ...previous ? { previous } : {}, ...reason ? { reason } : {} });
      return {
        message: `registry: promote ${name} ${versionLabel(version)} to ${stage}

${trailers(ctx, reason)}`,
        changes: [...await appendEvents(snapshot, [e], shards), json(paths.index(name), index)],
        tags: ctx.tags ? await onVersionCommit(ctx.store, name, version, [stageTag(name, stage, seq, version, reason)]) : [],
        result: { name, version, stage, ...previous ? { previous } : {}, seq }
      };
    },
    { now: ctx.now, retry: ctx.retry }
  );
}
async function rollback(ctx, name, stage, reason) {
  checkName(name);
  if (ctx.tags) checkGtoName(name);
  return mutate(
    ctx.store,
    async (snapshot, now) => {
      const { config, index, shards } = await readForWrite(snapshot, name, { create: false });
      checkStageIn(config, stage);
      const pointer = index.stages[stage];
      if (!pointer) throw new MlopsError(`no version of ${name} is in stage ${stage}, nothing to roll back`);
      const history = [...pointer.history];
      let target;
      while (history.length > 0) {
        const candidate = history.pop();
        if (!index.deprecated[String(candidate)] && candidate !== pointer.version) {
          target = candidate;
          break;
        }
      }
      if (target === void 0) throw new MlopsError(`${name} ${stage} has no earlier holder to roll back to (it is ${versionLabel(pointer.version)})`);
      await liveVersion(snapshot, index, target, "rolled back to");
      index.stages[stage] = { version: target, since: now.toISOString(), history };
      const seq = ++index.events;
      const e = event(ctx, now, { seq, type: "rollback", name, version: target, stage, previous: pointer.version, ...reason ? { reason } : {} });
      return {
        message: `registry: rollback ${name} ${stage} to ${versionLabel(target)}

${trailers(ctx, reason)}`,
        changes: [...await appendEvents(snapshot, [e], shards), json(paths.index(name), index)],
        tags: ctx.tags ? await onVersionCommit(ctx.store, name, target, [stageTag(name, stage, seq, target, reason ?? `rollback from ${versionLabel(pointer.version)}`)]) : [],
        result: { name, version: target, stage, previous: pointer.version, seq }
      };
    },
    { now: ctx.now, retry: ctx.retry }
  );
}
async function deprecate(ctx, ref, reason) {
  const name = checkName(ref.name);
  if (ctx.tags) checkGtoName(name);
  return mutate(
    ctx.store,
    async (snapshot, now) => {
      const { index, shards } = await readForWrite(snapshot, name, { create: false });
      const version = ref.version;
      await presentVersion(snapshot, index, version);
      if (index.deprecated[String(version)]) throw new MlopsError(`${name} ${versionLabel(version)} is already deprecated`);
      const held = stagesHeld(index, version);
      if (held.length) throw new MlopsError(`${name} ${versionLabel(version)} holds ${held.join(", ")}: promote another version or roll back first`);
      index.deprecated[String(version)] = { at: now.toISOString(), actor: ctx.actor, ...reason ? { reason } : {} };
      const seq = ++index.events;
      const e = event(ctx, now, { seq, type: "deprecate", name, version, ...reason ? { reason } : {} });
      return {
        message: `registry: deprecate ${name} ${versionLabel(version)}

${trailers(ctx, reason)}`,
        changes: [...await appendEvents(snapshot, [e], shards), json(paths.index(name), index)],
        // GTO's deregistration of one version (its `@deprecated` retires the whole artifact).
        tags: ctx.tags ? await onVersionCommit(ctx.store, name, version, [
          { name: `${name}@${gtoVersion(version)}!#${seq}`, message: `deprecate ${name} ${versionLabel(version)}${reason ? `: ${reason}` : ""}` }
        ]) : [],
        result: { name, version, seq }
      };
    },
    { now: ctx.now, retry: ctx.retry }
  );
}
async function annotateImage(ctx, ref, image) {
  const name = checkName(ref.name);
  if (!/^sha256:[0-9a-f]{64}$/.test(image.digest)) throw new MlopsError(`image digest must look like sha256:<64 hex digits> (got "${image.digest}")`);
  return mutate(
    ctx.store,
    async (snapshot, now) => {
      const { index, shards } = await readForWrite(snapshot, name, { create: false });
      const version = ref.version;
      await presentVersion(snapshot, index, version);
      const images = index.images ??= {};
      (images[String(version)] ??= []).push({ image: image.image, digest: image.digest, at: now.toISOString(), actor: ctx.actor });
      const seq = ++index.events;
      const e = event(ctx, now, { seq, type: "image", name, version, image: `${image.image}@${image.digest}` });
      return {
        message: `registry: image ${name} ${versionLabel(version)} ${image.image}@${image.digest}

${trailers(ctx)}`,
        changes: [...await appendEvents(snapshot, [e], shards), json(paths.index(name), index)],
        tags: [],
        result: { name, version, seq }
      };
    },
    { now: ctx.now, retry: ctx.retry }
  );
}
async function listModels(snapshot) {
  const names = await snapshot.listDir(paths.modelsDir);
  const files = await snapshot.readFiles(names.map((n) => paths.index(n)));
  return names.map((name, i) => {
    if (!files[i]) throw new MlopsError(`${paths.index(name)}: missing: the registry branch is corrupt`);
    return summarize(parseStored(ModelIndexSchema, files[i].toString(), paths.index(name)));
  });
}
function summarize(index) {
  return {
    name: index.name,
    latest_version: index.latest_version,
    stages: Object.fromEntries(Object.entries(index.stages).map(([s, p]) => [s, p.version])),
    deprecated: Object.keys(index.deprecated).map(Number).sort((a, b) => a - b)
  };
}
async function listVersions(snapshot, name) {
  const index = await requireIndex(snapshot, name);
  const versions = Array.from({ length: index.latest_version }, (_, i) => i + 1);
  const files = await snapshot.readFiles(versions.map((v) => paths.metadata(name, v)));
  return versions.map((v, i) => {
    const file = paths.metadata(name, v);
    if (!files[i]) throw new MlopsError(`${file}: missing: the registry branch is corrupt`);
    const meta = parseStored(VersionMetadataSchema, files[i].toString(), file);
    return {
      version: v,
      created_at: meta.created_at,
      actor: meta.actor,
      sha256: meta.model.sha256,
      size_bytes: meta.model.size_bytes,
      stages: stagesHeld(index, v),
      deprecated: Boolean(index.deprecated[String(v)]),
      metrics: meta.metrics,
      ...meta.source.commit ? { commit: meta.source.commit } : {}
    };
  });
}
async function showVersion(snapshot, ref) {
  const version = await resolveVersion(snapshot, ref);
  const index = await readIndex(snapshot, ref.name);
  const metadata = await readMetadata(snapshot, ref.name, version);
  const card = (await snapshot.readFile(`${paths.versionDir(ref.name, version)}/${metadata.card}`))?.toString() ?? "";
  return {
    metadata,
    stages: stagesHeld(index, version),
    deprecated: index.deprecated[String(version)] ?? null,
    images: index.images?.[String(version)] ?? [],
    card
  };
}
async function readHistory(snapshot, name) {
  const index = await requireIndex(snapshot, name);
  const shards = (await snapshot.listDir(paths.eventsDir(name))).map((s) => `${paths.eventsDir(name)}/${s}`);
  const files = await snapshot.readFiles(shards);
  const events = shards.flatMap((shard, i) => parseEvents(files[i]?.toString() ?? "", shard));
  if (events.length !== index.events)
    throw new MlopsError(`${paths.eventsDir(name)}: ${events.length} events but the index counts ${index.events}: the audit log is corrupt`);
  return events;
}
async function readProfile(snapshot, meta) {
  if (!meta.data.profile) return void 0;
  const file = `${paths.versionDir(meta.name, meta.version)}/${meta.data.profile}`;
  const bytes = await snapshot.readFile(file);
  if (!bytes) throw new MlopsError(`${file}: missing: the registry branch is corrupt`);
  return parseProfile(bytes.toString(), file);
}

// src/registry/inputs.ts
function actorFromEnv(env, flags = {}) {
  const id = flags.runId ?? (env.GITHUB_RUN_ID || void 0);
  const url = flags.runUrl ?? (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : void 0);
  return {
    actor: flags.actor ?? (env.GITHUB_ACTOR || env.USER || "unknown"),
    run: { ...id ? { id } : {}, ...url ? { url } : {} }
  };
}
async function sourceFromEnv(env, cwd, flags) {
  const commit = flags.commit ?? (env.GITHUB_SHA || await gitText(["rev-parse", "HEAD"], { cwd }).catch(() => void 0));
  const source = {
    commit,
    ref: env.GITHUB_REF || void 0,
    repository: env.GITHUB_REPOSITORY || void 0,
    run_id: flags.runId,
    run_url: flags.runUrl,
    actor: flags.actor,
    workflow: env.GITHUB_WORKFLOW || void 0
  };
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== void 0));
}
async function readJson(file) {
  const text = await readText(file);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new MlopsError(`${file}: not valid JSON (${err.message})`);
  }
}
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
async function readMetricsFile(file) {
  const json2 = await readJson(file);
  const body = isObject(json2) && isObject(json2.metrics) ? json2.metrics : json2;
  if (!isObject(body)) throw new MlopsError(`${file}: expected a JSON object of metric name to number`);
  const metrics = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === "number" && Number.isFinite(v)));
  if (Object.keys(metrics).length === 0) throw new MlopsError(`${file}: no numeric metrics found (expected e.g. {"roc_auc": 0.91})`);
  return metrics;
}
async function readParamsFile(file) {
  const json2 = await readJson(file);
  const body = isObject(json2) && isObject(json2.params) ? json2.params : json2;
  if (!isObject(body)) throw new MlopsError(`${file}: expected a JSON object of parameter name to value`);
  return body;
}
async function readProfileFile(file) {
  return parseProfile(await readText(file), file);
}
async function readLineageFile(file) {
  const result = LineageSchema.safeParse(await readJson(file));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new MlopsError(`${file}: not a valid lineage: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return result.data;
}
async function registerFromFiles(ctx, files, where) {
  const read = (file, reader) => file ? reader(resolve(where.cwd, file)) : Promise.resolve(void 0);
  const evaluation = files.evaluation;
  const [lineage, metrics, params, profile] = await Promise.all([
    read(files.lineage, readLineageFile),
    read(files.metrics, readMetricsFile),
    read(files.params, readParamsFile),
    read(files.profile, readProfileFile)
  ]);
  const source = await sourceFromEnv(where.env, where.cwd, { commit: files.commit, actor: ctx.actor, runId: ctx.run.id, runUrl: ctx.run.url });
  return register(ctx, {
    name: files.name,
    modelFile: resolve(where.cwd, files.model),
    modelUrl: files.modelUrl,
    maxInlineBytes: files.maxInlineBytes ?? DEFAULT_MAX_INLINE_BYTES,
    ...metrics ? { metrics } : {},
    ...params ? { params } : {},
    ...profile ? { profile } : {},
    ...lineage ? { lineage } : {},
    ...evaluation ? { evaluation } : {},
    source,
    framework: files.framework,
    ...files.features !== void 0 ? { features: parseFeatureList(files.features, "features") } : {},
    description: files.description,
    limitations: files.limitations,
    stage: files.stage,
    reason: files.reason
  });
}

// src/registry/open.ts
var isUrl = (text) => /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^[^/\\]+@[^/\\]+:/.test(text);
async function locateRegistry(options) {
  const branch = options.branch ?? (options.env.MLOPS_REGISTRY_BRANCH || DEFAULT_BRANCH);
  let remote = options.remote ?? (options.env.MLOPS_REGISTRY_REMOTE || void 0);
  if (remote !== void 0 && !isUrl(remote)) return { remote: resolve2(options.cwd, remote), branch, config: [] };
  const top = await gitText(["rev-parse", "--show-toplevel"], { cwd: options.cwd }).catch(() => null);
  const gitDir = top ?? await gitText(["rev-parse", "--absolute-git-dir"], { cwd: options.cwd }).catch(() => null);
  if (remote === void 0 && gitDir) {
    const origin = await gitText(["remote", "get-url", "origin"], { cwd: options.cwd }).catch(() => "");
    remote = origin === "" ? gitDir : isUrl(origin) || isAbsolute(origin) ? origin : resolve2(gitDir, origin);
  }
  if (remote === void 0) {
    throw new SettingError("remote", (name) => `no registry remote: pass ${name("remote")} URL|PATH, set MLOPS_REGISTRY_REMOTE, or run inside a git checkout`);
  }
  const config = [];
  if (gitDir && isUrl(remote)) {
    try {
      const headers = await gitText(["config", "--get-regexp", "^http\\..*extraheader$"], { cwd: options.cwd });
      for (const line of headers.split("\n").filter((l) => l !== "")) {
        const space = line.indexOf(" ");
        config.push({ key: line.slice(0, space), value: line.slice(space + 1) });
      }
    } catch (err) {
      if (!(err instanceof GitCommandError)) throw err;
    }
  }
  const token = options.env.GITHUB_TOKEN;
  if (config.length === 0 && token && /^https:\/\//.test(remote)) {
    const origin = new URL(remote).origin;
    config.push({ key: `http.${origin}/.extraheader`, value: `AUTHORIZATION: basic ${basicAuth(token)}` });
  }
  return { remote, branch, config };
}
async function openStore(options) {
  if (options.backend === "github") {
    const slug = options.repo ?? options.env.GITHUB_REPOSITORY;
    if (!slug) throw new SettingError(["backend", "repo"], (name) => `${name("backend")} github needs ${name("repo")} owner/name (or GITHUB_REPOSITORY)`);
    const token = options.env.GITHUB_TOKEN;
    if (!token) throw new SettingError("backend", (name) => `${name("backend")} github needs a token in GITHUB_TOKEN`);
    const { createGitHubClient, parseRepo } = await import("./cli-client-KJPXABXB.js");
    const { openGitHubStore } = await import("./cli-github-store-NJU37DUV.js");
    let repo;
    try {
      repo = parseRepo(slug);
    } catch (err) {
      throw new MlopsError(err.message);
    }
    const client = createGitHubClient({ token, baseUrl: options.apiUrl ?? options.env.GITHUB_API_URL, retries: 2 });
    return openGitHubStore({ client, ...repo, branch: options.branch ?? (options.env.MLOPS_REGISTRY_BRANCH || DEFAULT_BRANCH) });
  }
  const location = await locateRegistry(options);
  return openGitStore({ ...location, cacheDir: options.cacheDir ?? (options.env.MLOPS_REGISTRY_CACHE || void 0) });
}

export {
  accuracy,
  logLoss,
  rocAuc,
  regressionMetrics,
  ImportanceSchema,
  permutationImportance,
  modelScore,
  LINEAGE_SCHEMA_VERSION,
  LineageSchema,
  onnx,
  sidecarPath,
  sidecarText,
  PreprocessingSchema,
  encodedWidth,
  textSteps,
  fitPreprocessing,
  transformRows,
  META_MODEL_INFO,
  META_PREPROCESSING,
  describeOnnx,
  loadModel,
  DEFAULT_STAGES,
  DEFAULT_MAX_INLINE_BYTES,
  RegistryConfigSchema,
  ModelIndexSchema,
  VersionMetadataSchema,
  paths,
  parseStored,
  parseEvents,
  stringify,
  versionLabel,
  git,
  parseModelRef,
  parseVersion,
  mutate,
  readConfig,
  readMetadata,
  resolveVersion,
  absentReason,
  promote,
  rollback,
  deprecate,
  annotateImage,
  listModels,
  listVersions,
  showVersion,
  readHistory,
  readProfile,
  actorFromEnv,
  registerFromFiles,
  openStore
};
