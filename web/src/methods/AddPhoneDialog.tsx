import { useMutation } from "@apollo/client/react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { ErrorText } from "../components/ErrorText.js";
import { fieldOf, toApiError, type ApiError } from "../errors.js";
import type { AuthenticationPhoneType, MethodsVerifyPhoneMutation } from "../graphql.js";
import { MethodsStartPhoneVerification, MethodsVerifyPhone } from "./documents.js";
import { PHONE_TYPE_WORDS, PHONE_TYPES } from "./words.js";

export type RegisteredPhone = NonNullable<MethodsVerifyPhoneMutation["verifyPhone"]["method"]>;

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalM },
  submit: { alignSelf: "flex-start" },
});

/**
 * "Add method", then "Phone": a number and a phone type, "Text me a code"
 * (startPhoneVerification), then the code and "Next" (verifyPhone, which registers the phone).
 */
export function AddPhoneDialog(props: {
  userId?: string;
  open: boolean;
  /** Types the user already has: one phone per type. */
  registeredTypes: AuthenticationPhoneType[];
  onClose: () => void;
  onRegistered: (phone: RegisteredPhone) => void;
}) {
  const { open, onClose } = props;
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        {/* Mounted only while open: every opening starts afresh. */}
        {open && <AddPhoneSteps {...props} />}
      </DialogSurface>
    </Dialog>
  );
}

function AddPhoneSteps({ userId, registeredTypes, onClose, onRegistered }: Parameters<typeof AddPhoneDialog>[0]) {
  const styles = useStyles();
  const available = PHONE_TYPES.filter((type) => !registeredTypes.includes(type));
  const [phoneNumber, setPhoneNumber] = useState("");
  const [phoneType, setPhoneType] = useState<AuthenticationPhoneType>(available[0] ?? "mobile");
  const [challenge, setChallenge] = useState<{ challengeId: string; maskedPhoneNumber: string } | null>(null);
  const [code, setCode] = useState("");
  const [sendError, setSendError] = useState<ApiError | null>(null);
  const [verifyError, setVerifyError] = useState<ApiError | null>(null);
  const [start, { loading: sending }] = useMutation(MethodsStartPhoneVerification);
  const [verify, { loading: verifying }] = useMutation(MethodsVerifyPhone);

  async function sendCode(event: FormEvent) {
    event.preventDefault();
    setSendError(null);
    setVerifyError(null);
    try {
      const { data } = await start({ variables: { userId, input: { phoneNumber, phoneType } } });
      setChallenge(data!.startPhoneVerification);
      setCode("");
    } catch (caught) {
      setChallenge(null);
      setSendError(toApiError(caught));
    }
  }

  async function checkCode(event: FormEvent) {
    event.preventDefault();
    setVerifyError(null);
    try {
      const { data } = await verify({ variables: { challengeId: challenge!.challengeId, code: code.trim() } });
      const result = data!.verifyPhone;
      if (result.isVerified && result.method) onRegistered(result.method);
      else if (result.failureReason === "MAX_ATTEMPTS_EXCEEDED") setVerifyError({ message: "Too many wrong codes: select Text me a code to get a new one" });
      else setVerifyError({ message: "That code is incorrect or has expired" });
    } catch (caught) {
      setVerifyError(toApiError(caught));
    }
  }

  const field = fieldOf(sendError);
  return (
    <DialogBody>
      <DialogTitle>Phone</DialogTitle>
      <DialogContent>
        <form className={styles.form} onSubmit={sendCode}>
          <Text>You can prove who you are by receiving a code on your phone.</Text>
          <Field label="Phone number" required hint="With the country code, e.g. +1 206 555 0123" validationState={field === "phoneNumber" ? "error" : "none"}>
            <Input value={phoneNumber} onChange={(_, d) => setPhoneNumber(d.value)} type="tel" autoComplete="tel" />
          </Field>
          <Field label="Phone type" validationState={field === "phoneType" ? "error" : "none"}>
            <RadioGroup value={phoneType} onChange={(_, d) => setPhoneType(d.value as AuthenticationPhoneType)}>
              {PHONE_TYPES.map((type) => (
                <Radio key={type} value={type} label={PHONE_TYPE_WORDS[type]} disabled={!available.includes(type)} />
              ))}
            </RadioGroup>
          </Field>
          <Text size={200}>Message and data rates may apply.</Text>
          <ErrorText error={sendError} />
          <Button className={styles.submit} appearance={challenge ? "secondary" : "primary"} type="submit" disabled={sending || available.length === 0}>
            Text me a code
          </Button>
        </form>
        {challenge && (
          <form className={styles.form} onSubmit={checkCode}>
            <Text role="status">We just sent a 6-digit code to {challenge.maskedPhoneNumber}. Enter the code below.</Text>
            <Field label="Code" required>
              <Input value={code} onChange={(_, d) => setCode(d.value)} inputMode="numeric" autoComplete="one-time-code" />
            </Field>
            <ErrorText error={verifyError} />
            <Button className={styles.submit} appearance="primary" type="submit" disabled={verifying}>
              Next
            </Button>
          </form>
        )}
      </DialogContent>
      <DialogActions>
        <Button appearance="secondary" onClick={onClose}>
          Cancel
        </Button>
      </DialogActions>
    </DialogBody>
  );
}
