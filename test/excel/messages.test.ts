import { describeOfficeError, MESSAGES } from "../../src/excel/messages";
import { FakeOfficeError } from "../fakes/office-excel";

const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

test.each([
  ["InvalidOperationInCellEditMode", "CELL_EDIT"],
  ["AccessDenied", "PROTECTED"],
  ["ItemNotFound", "NOT_FOUND"],
  ["ResponsePayloadSizeLimitExceeded", "FAILED"],
  ["ApiNotFound", "FAILED"],
  ["Conflict", "FAILED"],
  ["GeneralException", "FAILED"],
])("Office error %s reads as Vietnamese, without Excel's English words", (officeCode, code) => {
  const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const described = describeOfficeError(new FakeOfficeError(officeCode, "Something went wrong in English."));
  spy.mockRestore();
  expect(described.code).toBe(code);
  expect(described.message).toMatch(VIETNAMESE);
  expect(described.message).not.toContain("Something went wrong");
});

test("a plain exception is described too, with no code", () => {
  const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
  expect(describeOfficeError(new TypeError("x is undefined"))).toEqual({
    code: "FAILED",
    message: MESSAGES.failed(""),
  });
  expect(spy).toHaveBeenCalled();
  spy.mockRestore();
});
