"""The payment methods named in the plan: VietQR/bank transfer, card/POS and the common e-wallets.
Editors can change the list afterwards; this only adds missing codes."""

from django.db import migrations

METHODS = [
    ("vietqr", "VietQR / chuyển khoản ngân hàng", "qr", "Bank transfer (VietQR)", 10),
    ("the", "Thẻ ngân hàng (quẹt thẻ, POS)", "card", "Credit Card, Debit Card", 20),
    ("momo", "Ví MoMo", "wallet", "MoMo", 30),
    ("zalopay", "Ví ZaloPay", "wallet", "ZaloPay", 40),
    ("vnpay", "VNPay QR", "wallet", "VNPay", 50),
    ("shopeepay", "Ví ShopeePay", "wallet", "ShopeePay", 60),
]


def add_methods(apps, schema_editor):
    PaymentMethod = apps.get_model("directory", "PaymentMethod")
    for code, name, kind, schema_name, order in METHODS:
        PaymentMethod.objects.get_or_create(
            code=code, defaults={"name": name, "kind": kind, "schema_name": schema_name, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]
    operations = [migrations.RunPython(add_methods, migrations.RunPython.noop)]
