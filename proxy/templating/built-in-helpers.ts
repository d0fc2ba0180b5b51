/** Every built-in helper definition, one file each under helpers/<category>/. */
import type { HelperDefinition } from './helper-definition';
import array from './helpers/collections/array';
import join from './helpers/collections/join';
import range from './helpers/collections/range';
import repeat from './helpers/collections/repeat';
import dateAdd from './helpers/dates/date-add';
import dateFormat from './helpers/dates/date-format';
import now from './helpers/dates/now';
import nowTimestamp from './helpers/dates/now-timestamp';
import timestamp from './helpers/dates/timestamp';
import base64 from './helpers/encoding/base64';
import base64Decode from './helpers/encoding/base64-decode';
import md5 from './helpers/encoding/md5';
import sha256 from './helpers/encoding/sha256';
import urlEncode from './helpers/encoding/url-encode';
import env from './helpers/environment/env';
import fakeAddress from './helpers/fake/fake-address';
import fakeAmount from './helpers/fake/fake-amount';
import fakeCity from './helpers/fake/fake-city';
import fakeEmail from './helpers/fake/fake-email';
import fakeName from './helpers/fake/fake-name';
import fakeSentence from './helpers/fake/fake-sentence';
import faker from './helpers/fake/faker';
import nanoid from './helpers/ids/nanoid';
import sequence from './helpers/ids/sequence';
import uuid from './helpers/ids/uuid';
import jsonEscape from './helpers/json/json-escape';
import jsonPath from './helpers/json/json-path';
import parseJson from './helpers/json/parse-json';
import toJson from './helpers/json/to-json';
import jwtDecode from './helpers/jwt/jwt-decode';
import jwtSign from './helpers/jwt/jwt-sign';
import and from './helpers/logic/and';
import defaultHelper from './helpers/logic/default';
import eq from './helpers/logic/eq';
import gt from './helpers/logic/gt';
import lt from './helpers/logic/lt';
import not from './helpers/logic/not';
import or from './helpers/logic/or';
import add from './helpers/math/add';
import divide from './helpers/math/divide';
import modulo from './helpers/math/modulo';
import multiply from './helpers/math/multiply';
import subtract from './helpers/math/subtract';
import pick from './helpers/random/pick';
import randomFloat from './helpers/random/random-float';
import randomInt from './helpers/random/random-int';
import randomString from './helpers/random/random-string';
import cookie from './helpers/request/cookie';
import header from './helpers/request/header';
import pathSegment from './helpers/request/path-segment';
import queryParam from './helpers/request/query-param';
import requestBody from './helpers/request/request-body';
import requestMethod from './helpers/request/request-method';
import requestPath from './helpers/request/request-path';
import requestUrl from './helpers/request/request-url';
import concat from './helpers/strings/concat';
import lower from './helpers/strings/lower';
import padStart from './helpers/strings/pad-start';
import replace from './helpers/strings/replace';
import substring from './helpers/strings/substring';
import trim from './helpers/strings/trim';
import upper from './helpers/strings/upper';

export const BUILT_IN_HELPERS: readonly HelperDefinition[] = [
  // dates
  now,
  nowTimestamp,
  timestamp,
  dateAdd,
  dateFormat,
  // ids
  uuid,
  nanoid,
  sequence,
  // random
  randomInt,
  randomFloat,
  randomString,
  pick,
  // fake data
  faker,
  fakeName,
  fakeEmail,
  fakeAddress,
  fakeCity,
  fakeSentence,
  fakeAmount,
  // request
  requestMethod,
  requestUrl,
  requestPath,
  pathSegment,
  queryParam,
  header,
  cookie,
  requestBody,
  // json
  jsonPath,
  toJson,
  parseJson,
  jsonEscape,
  // strings
  concat,
  replace,
  upper,
  lower,
  trim,
  substring,
  padStart,
  // encoding
  base64,
  base64Decode,
  urlEncode,
  sha256,
  md5,
  // math
  add,
  subtract,
  multiply,
  divide,
  modulo,
  // logic
  eq,
  gt,
  lt,
  and,
  or,
  not,
  defaultHelper,
  // collections
  repeat,
  range,
  array,
  join,
  // jwt
  jwtSign,
  jwtDecode,
  // environment
  env,
];
