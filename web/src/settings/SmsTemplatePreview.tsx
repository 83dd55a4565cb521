import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { renderPreview, SAMPLE_CODE, smsLength } from "./sms-segments.js";

const useStyles = makeStyles({
  preview: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
  },
  text: { whiteSpace: "pre-wrap", margin: 0 },
  tooLong: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/**
 * The message as a phone receives it, a sample code in place of [Code], and its length as the API
 * measures it: characters of one SMS (160 in GSM-7, 70 in UCS-2) and SMS segments (at most 1).
 */
export function SmsTemplatePreview({ id, template }: { id: string; template: string }) {
  const styles = useStyles();
  const text = renderPreview(template);
  const { encoding, units, capacity, segments } = smsLength(text);
  const fits = segments === 1;
  return (
    <div id={id} role="group" aria-label="Message preview" className={styles.preview}>
      <Text size={200}>Preview with the sample code {SAMPLE_CODE}:</Text>
      <p className={styles.text} data-testid="sms-preview-text">
        {text}
      </p>
      <Text size={200} className={fits ? undefined : styles.tooLong} data-testid="sms-preview-length">
        {`${units} of ${capacity} characters, ${segments} SMS segment${segments === 1 ? "" : "s"} (${encoding})`}
        {fits ? "" : ": too long, a message must fit in 1 segment"}
      </Text>
    </div>
  );
}
