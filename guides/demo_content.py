"""The eight demo guides, written by the portal team in plain Vietnamese for the plan's digital-skills topics.

Writing rules (keep them when editing): short sentences, one action per step; no description of a
real application's screens that we have not checked (say "làm theo hướng dẫn trên màn hình" instead);
warn about scams where money, OTP or passwords are involved; official addresses only (``.gov.vn``).
Illustrations are drawn locally (``guides/illustrations.py``) and say that they are illustrations.

Step format: ``title``; ``text`` (a paragraph string, or a list of strings for a bulleted list);
optional ``tips``, ``warnings``, ``infos`` (call-outs) and ``images`` ``[(file, alt text, caption)]``.
"""

OTP_WARNING = (
    "Không đọc, không gửi mã OTP, mật khẩu cho bất kỳ ai, kể cả người tự xưng là công an, "
    "cán bộ ngân hàng hay nhân viên nhà mạng."
)
STORE_TIP = "Chỉ cài ứng dụng từ CH Play (điện thoại Android) hoặc App Store (iPhone). Không cài từ đường link lạ."

GUIDES = [
    {
        "slug": "nop-ho-so-truc-tuyen-tren-cong-dich-vu-cong-quoc-gia",
        "title": "Nộp hồ sơ thủ tục hành chính trực tuyến trên Cổng Dịch vụ công quốc gia",
        "summary": (
            "Làm thủ tục hành chính trên điện thoại hoặc máy tính, không phải xếp hàng: tìm thủ tục, "
            "điền tờ khai, đính kèm giấy tờ, nộp phí và theo dõi kết quả."
        ),
        "topics": ["dich-vu-cong-truc-tuyen"],
        "audiences": ["nguoi-cao-tuoi", "moi-nguoi-dan"],
        "duration": 30,
        "difficulty": "medium",
        "outcomes": [
            "Tự nộp hồ sơ một thủ tục hành chính qua mạng.",
            "Biết mã hồ sơ để theo dõi kết quả.",
            "Nhận ra đúng trang Cổng Dịch vụ công quốc gia, tránh trang giả.",
        ],
        "requirements": [
            "Điện thoại thông minh hoặc máy tính có kết nối Internet.",
            "Tài khoản định danh điện tử VNeID mức độ 2 để đăng nhập.",
            "Căn cước hoặc căn cước công dân gắn chip.",
            "Ảnh chụp rõ nét hoặc bản quét các giấy tờ mà thủ tục yêu cầu.",
            "Ứng dụng ngân hàng, nếu thủ tục có phí hoặc lệ phí.",
        ],
        "steps": [
            {
                "title": "Mở đúng trang Cổng Dịch vụ công quốc gia",
                "text": [
                    "Mở trình duyệt trên điện thoại hoặc máy tính (Chrome, Safari, Cốc Cốc…).",
                    "Tự gõ địa chỉ dichvucong.gov.vn vào ô địa chỉ ở trên cùng.",
                    "Nhìn lại địa chỉ: phần cuối phải là “.gov.vn”.",
                ],
                "images": [
                    (
                        "dia-chi-dich-vu-cong.png",
                        "Hình minh họa ô địa chỉ trình duyệt ghi https://dichvucong.gov.vn, bên cạnh có dấu tích "
                        "xanh, dòng chữ: Tự gõ địa chỉ, phần cuối phải là .gov.vn.",
                        "Hình minh họa, không phải ảnh chụp màn hình.",
                    )
                ],
                "warnings": [
                    "Không bấm vào đường link tự xưng là “dịch vụ công” gửi qua tin nhắn, Zalo hay Facebook. "
                    "Hãy tự gõ địa chỉ."
                ],
            },
            {
                "title": "Đăng nhập bằng tài khoản định danh điện tử",
                "text": [
                    "Chọn Đăng nhập.",
                    "Chọn đăng nhập bằng tài khoản định danh điện tử (VNeID).",
                    "Làm theo hướng dẫn trên màn hình để xác nhận đăng nhập.",
                ],
                "tips": [
                    "Chưa có tài khoản VNeID mức độ 2? Xem hướng dẫn “Kích hoạt tài khoản định danh điện tử "
                    "mức độ 2” hoặc hỏi Tổ công nghệ số cộng đồng ở phường."
                ],
                "warnings": [
                    "Chỉ xác nhận đăng nhập khi chính bạn đang đăng nhập. Ai gọi điện nhờ bạn xác nhận hộ: từ chối."
                ],
            },
            {
                "title": "Tìm thủ tục cần làm",
                "text": [
                    "Gõ tên thủ tục vào ô tìm kiếm, ví dụ “đăng ký khai sinh”.",
                    "Đọc kỹ tên các thủ tục trong kết quả.",
                    "Chọn đúng thủ tục và đúng cơ quan giải quyết, thường là phường, xã nơi bạn cư trú.",
                ],
                "tips": [
                    "Danh mục thủ tục trên cổng thông tin của phường ghi sẵn giấy tờ cần chuẩn bị. "
                    "Đọc trước để chuẩn bị đủ."
                ],
            },
            {
                "title": "Đọc yêu cầu và chuẩn bị giấy tờ",
                "text": [
                    "Xem thành phần hồ sơ: những giấy tờ phải nộp.",
                    "Xem thời hạn giải quyết và phí, lệ phí (nếu có).",
                    "Chụp ảnh hoặc quét từng giấy tờ.",
                ],
                "tips": [
                    "Chụp giấy tờ ở nơi đủ sáng, đặt trên mặt bàn phẳng, chụp thẳng, thấy đủ bốn góc, chữ đọc được."
                ],
            },
            {
                "title": "Điền tờ khai",
                "text": [
                    "Điền lần lượt từng ô trong tờ khai.",
                    "Ô có dấu sao (*) là ô bắt buộc.",
                    "Kiểm tra kỹ họ tên, ngày sinh, số định danh cá nhân.",
                ],
            },
            {
                "title": "Đính kèm giấy tờ",
                "text": [
                    "Ở mỗi loại giấy tờ, chọn tải tệp lên rồi chọn ảnh hoặc tệp đã chuẩn bị.",
                    "Xem lại: ảnh rõ, đúng giấy tờ, không bị cắt mất chữ.",
                ],
            },
            {
                "title": "Kiểm tra và nộp hồ sơ",
                "text": [
                    "Đọc lại toàn bộ thông tin.",
                    "Chọn nộp hồ sơ.",
                    "Ghi lại mã hồ sơ hiện ra sau khi nộp, hoặc chụp màn hình.",
                ],
                "tips": ["Mã hồ sơ dùng để tra cứu tiến độ giải quyết. Hãy giữ cẩn thận."],
            },
            {
                "title": "Nộp phí, lệ phí (nếu có)",
                "text": [
                    "Nếu thủ tục có phí, chọn thanh toán trực tuyến và làm theo hướng dẫn.",
                    "Chỉ trả tiền qua Cổng Dịch vụ công hoặc ứng dụng ngân hàng của chính bạn.",
                ],
                "warnings": [
                    "Cán bộ không bao giờ yêu cầu chuyển tiền vào tài khoản cá nhân để “giải quyết nhanh”."
                ],
            },
            {
                "title": "Theo dõi và nhận kết quả",
                "text": [
                    "Đăng nhập lại, mở phần quản lý hồ sơ của bạn để xem tình trạng.",
                    "Nếu cơ quan yêu cầu bổ sung, làm theo nội dung trong thông báo.",
                    "Nhận kết quả theo cách bạn đã chọn khi nộp: tại bộ phận một cửa, qua bưu điện hoặc bản điện tử.",
                ],
            },
        ],
        "problems": [
            (
                "Không đăng nhập được",
                "Kiểm tra tài khoản VNeID đã ở mức độ 2 và đã kích hoạt. Kiểm tra điện thoại có mạng. "
                "Vẫn không được: mang căn cước đến Công an phường hoặc nhờ Tổ công nghệ số cộng đồng.",
            ),
            (
                "Không tìm thấy thủ tục",
                "Gõ ngắn hơn, ví dụ chỉ “khai sinh”. Hoặc hỏi Bộ phận một cửa của phường tên đúng của thủ tục.",
            ),
            (
                "Tải ảnh giấy tờ lên bị lỗi",
                "Ảnh có thể quá nặng hoặc sai loại tệp. Đọc yêu cầu về loại tệp và dung lượng trên trang, "
                "chụp lại ảnh nhẹ hơn hoặc chuyển sang tệp PDF.",
            ),
            (
                "Hồ sơ bị yêu cầu bổ sung",
                "Đọc kỹ nội dung cần bổ sung và bổ sung đúng hạn. "
                "Chưa hiểu thì gọi điện hoặc đến Bộ phận một cửa để hỏi.",
            ),
        ],
        "related": [
            "kich-hoat-tai-khoan-dinh-danh-dien-tu-muc-do-2",
            "dang-ky-chu-ky-so-ca-nhan",
            "nhan-biet-cuoc-goi-lua-dao-va-duong-link-gia",
        ],
    },
    {
        "slug": "kich-hoat-tai-khoan-dinh-danh-dien-tu-muc-do-2",
        "title": "Kích hoạt tài khoản định danh điện tử mức độ 2 (VNeID)",
        "summary": (
            "Tài khoản định danh điện tử mức độ 2 giúp bạn đăng nhập dịch vụ công và xuất trình giấy tờ "
            "trên điện thoại. Cách đăng ký, cài ứng dụng và kích hoạt an toàn."
        ),
        "topics": ["dinh-danh-dien-tu-vneid"],
        "audiences": ["nguoi-cao-tuoi", "moi-dung-dien-thoai", "moi-nguoi-dan"],
        "duration": 20,
        "difficulty": "medium",
        "outcomes": [
            "Biết cách đăng ký tài khoản định danh điện tử mức độ 2.",
            "Cài đúng ứng dụng VNeID và kích hoạt tài khoản.",
            "Giữ an toàn mật khẩu và mã kích hoạt.",
        ],
        "requirements": [
            "Căn cước hoặc căn cước công dân gắn chip.",
            "Điện thoại thông minh dùng số thuê bao đứng tên bạn.",
            "Đã đăng ký tài khoản mức độ 2 tại cơ quan Công an (nếu chưa, làm Bước 1).",
        ],
        "steps": [
            {
                "title": "Đăng ký tài khoản mức độ 2 tại Công an",
                "text": [
                    "Mang căn cước đến Công an phường, xã nơi bạn ở.",
                    "Nói với cán bộ: bạn muốn đăng ký tài khoản định danh điện tử mức độ 2.",
                    "Cán bộ kiểm tra giấy tờ, số điện thoại và thu nhận thông tin cần thiết (ảnh chân dung…).",
                ],
                "tips": ["Nếu đang làm thủ tục cấp căn cước, bạn có thể đề nghị đăng ký tài khoản cùng lúc."],
            },
            {
                "title": "Chờ tin nhắn có mã kích hoạt",
                "text": [
                    "Khi hồ sơ được duyệt, số điện thoại đã đăng ký sẽ nhận tin nhắn có mã kích hoạt.",
                    "Giữ mã này cho riêng bạn.",
                ],
                "warnings": [OTP_WARNING],
            },
            {
                "title": "Cài ứng dụng VNeID",
                "text": [
                    "Mở CH Play (điện thoại Android) hoặc App Store (iPhone).",
                    "Tìm “VNeID”.",
                    "Kiểm tra nhà phát hành thuộc Bộ Công an, rồi cài đặt.",
                ],
                "warnings": [
                    "Không cài ứng dụng VNeID từ đường link gửi qua tin nhắn, Zalo hay Facebook. "
                    "Ứng dụng giả có thể chiếm điện thoại và lấy tiền trong tài khoản ngân hàng."
                ],
            },
            {
                "title": "Kích hoạt tài khoản",
                "text": [
                    "Mở ứng dụng VNeID.",
                    "Chọn kích hoạt tài khoản định danh điện tử.",
                    "Nhập số định danh cá nhân (12 số trên căn cước) và số điện thoại đã đăng ký.",
                    "Nhập mã kích hoạt trong tin nhắn.",
                ],
            },
            {
                "title": "Đặt mật khẩu và mã bảo vệ",
                "text": [
                    "Đặt mật khẩu theo yêu cầu hiện trên màn hình.",
                    "Đặt mã bảo vệ (passcode) theo hướng dẫn.",
                    "Không dùng ngày sinh hay dãy số dễ đoán.",
                ],
                "warnings": [
                    "Không ai được hỏi mật khẩu hay mã bảo vệ của bạn, kể cả người xưng là công an."
                ],
            },
            {
                "title": "Đăng nhập lại và kiểm tra thông tin",
                "text": [
                    "Thoát ra, đăng nhập lại bằng số định danh cá nhân và mật khẩu.",
                    "Xem thông tin cá nhân. Nếu có sai sót, báo Công an phường.",
                ],
                "tips": ["Nhờ con cháu hoặc Tổ công nghệ số cộng đồng ngồi cùng lần đầu, nhưng tự bạn nhập mật khẩu."],
            },
        ],
        "problems": [
            (
                "Không nhận được tin nhắn kích hoạt",
                "Kiểm tra số điện thoại đúng là số đã đăng ký và đứng tên bạn. Chờ thêm vài ngày làm việc. "
                "Vẫn chưa có: hỏi lại Công an phường nơi đã đăng ký.",
            ),
            (
                "Quên mật khẩu",
                "Dùng chức năng lấy lại mật khẩu trong ứng dụng và làm theo hướng dẫn. "
                "Không được thì đến Công an phường để được hỗ trợ.",
            ),
            (
                "Đổi điện thoại hoặc đổi số điện thoại",
                "Đổi điện thoại: cài lại ứng dụng từ kho chính thức rồi đăng nhập, làm theo yêu cầu xác thực. "
                "Đổi số điện thoại: đến Công an phường để cập nhật.",
            ),
        ],
        "related": [
            "nop-ho-so-truc-tuyen-tren-cong-dich-vu-cong-quoc-gia",
            "nhan-biet-cuoc-goi-lua-dao-va-duong-link-gia",
        ],
    },
    {
        "slug": "thanh-toan-bang-ma-vietqr",
        "title": "Trả tiền bằng cách quét mã VietQR",
        "summary": (
            "Trả tiền ở chợ, cửa hàng bằng cách quét mã QR với ứng dụng ngân hàng: nhanh, "
            "không cần tiền lẻ, có lịch sử để xem lại."
        ),
        "topics": ["thanh-toan-khong-dung-tien-mat"],
        "audiences": ["nguoi-cao-tuoi", "ho-kinh-doanh", "moi-dung-dien-thoai"],
        "duration": 10,
        "difficulty": "easy",
        "outcomes": [
            "Trả tiền bằng cách quét mã QR của người bán.",
            "Kiểm tra đúng người nhận trước khi chuyển.",
            "Nhận biết mã QR giả hoặc bị dán đè.",
        ],
        "requirements": [
            "Điện thoại thông minh có camera và Internet.",
            "Tài khoản ngân hàng và ứng dụng ngân hàng trên điện thoại (ngân hàng hướng dẫn đăng ký tại quầy).",
            "Cách xác thực giao dịch mà ngân hàng đã cấp cho bạn (mật khẩu, mã OTP, vân tay hoặc khuôn mặt).",
        ],
        "steps": [
            {
                "title": "Mở ứng dụng ngân hàng",
                "text": ["Mở ứng dụng ngân hàng của bạn và đăng nhập."],
                "tips": [STORE_TIP],
            },
            {
                "title": "Chọn chức năng quét mã QR",
                "text": [
                    "Tìm chức năng quét mã QR trong ứng dụng.",
                    "Nếu điện thoại hỏi quyền dùng camera, chọn cho phép.",
                ],
            },
            {
                "title": "Quét mã của người bán",
                "text": [
                    "Đưa camera vào mã QR của cửa hàng.",
                    "Giữ yên điện thoại đến khi ứng dụng đọc được mã.",
                ],
                "images": [
                    (
                        "quet-ma-qr.png",
                        "Hình minh họa điện thoại hiện một mã QR, bên cạnh là bốn việc: quét mã của người bán, "
                        "xem tên người nhận, hỏi lại người bán, nhập số tiền và xác nhận; dòng chữ đỏ: tên lạ thì "
                        "không chuyển tiền.",
                        "Hình minh họa; mã QR trong hình không dùng để thanh toán.",
                    )
                ],
                "infos": ["Mã có chữ VietQR dùng được với ứng dụng của hầu hết các ngân hàng ở Việt Nam."],
            },
            {
                "title": "Kiểm tra tên người nhận",
                "text": [
                    "Ứng dụng hiện tên chủ tài khoản nhận tiền.",
                    "Hỏi người bán: tên này có đúng là của cửa hàng không?",
                ],
                "warnings": [
                    "Tên người nhận lạ: không chuyển tiền. Kẻ gian có thể dán mã QR giả đè lên mã thật của cửa hàng."
                ],
            },
            {
                "title": "Nhập số tiền và xác nhận",
                "text": [
                    "Nhập số tiền, nếu mã chưa có sẵn số tiền.",
                    "Kiểm tra lại số tiền, nhất là số chữ số 0.",
                    "Xác nhận theo cách ngân hàng yêu cầu.",
                ],
                "tips": ["Với số tiền lớn, ngân hàng có thể yêu cầu xác thực thêm bằng khuôn mặt."],
            },
            {
                "title": "Cho người bán xem kết quả",
                "text": [
                    "Chờ màn hình báo giao dịch thành công.",
                    "Cho người bán xem. Người bán nên kiểm tra tiền đã về tài khoản.",
                ],
                "warnings": [
                    "Không quét mã QR do người lạ gửi để “nhận tiền”, “nhận quà”. "
                    "Nhận tiền không bao giờ cần bạn quét mã hay nhập mã OTP."
                ],
            },
        ],
        "problems": [
            (
                "Ứng dụng không đọc được mã",
                "Lau camera, đứng chỗ đủ sáng, đưa điện thoại ra xa hoặc lại gần một chút. Mã bị mờ, rách: "
                "nhờ người bán đọc số tài khoản để chuyển khoản, hoặc trả tiền mặt.",
            ),
            (
                "Đã trừ tiền nhưng người bán báo chưa nhận",
                "Không chuyển thêm lần nữa. Chụp lại màn hình giao dịch. Gọi tổng đài ngân hàng "
                "(số in ở mặt sau thẻ hoặc trong ứng dụng) để được kiểm tra.",
            ),
            (
                "Chuyển nhầm người nhận",
                "Gọi ngay tổng đài chính thức của ngân hàng để được hướng dẫn. "
                "Không tin người lạ gọi tới hứa “lấy lại tiền giúp”.",
            ),
        ],
        "related": ["thanh-toan-hoa-don-dien-nuoc-truc-tuyen", "nhan-biet-cuoc-goi-lua-dao-va-duong-link-gia"],
    },
    {
        "slug": "nhan-biet-cuoc-goi-lua-dao-va-duong-link-gia",
        "title": "Nhận biết cuộc gọi lừa đảo và đường link giả mạo",
        "summary": (
            "Kẻ lừa đảo thường giả làm công an, ngân hàng, điện lực hoặc người thân gặp nạn. "
            "Cách nhận biết, cách xử lý và nơi báo tin."
        ),
        "topics": ["an-toan-thong-tin"],
        "audiences": ["nguoi-cao-tuoi", "nguoi-huong-luong-huu", "moi-nguoi-dan"],
        "duration": 15,
        "difficulty": "easy",
        "outcomes": [
            "Nhận biết dấu hiệu thường gặp của cuộc gọi, tin nhắn lừa đảo.",
            "Kiểm tra một đường link trước khi bấm.",
            "Biết làm gì khi lỡ cung cấp thông tin hoặc đã chuyển tiền.",
        ],
        "requirements": [
            "Điện thoại của bạn.",
            "Số tổng đài chính thức của ngân hàng (in ở mặt sau thẻ ngân hàng).",
            "Số điện thoại của Công an phường nơi bạn ở.",
        ],
        "steps": [
            {
                "title": "Nhớ các dấu hiệu lừa đảo",
                "text": [
                    [
                        "Tự xưng công an, tòa án, cơ quan thuế, điện lực, bảo hiểm, ngân hàng rồi đòi chuyển tiền.",
                        "Dọa khóa tài khoản, cắt điện, bắt giữ; hoặc báo trúng thưởng lớn.",
                        "Giục làm ngay, dặn không được kể với ai.",
                        "Hỏi mã OTP, mật khẩu, số thẻ; hoặc bảo cài ứng dụng từ đường link.",
                        "Báo người thân gặp nạn, cần chuyển tiền gấp.",
                    ]
                ],
                "warnings": [
                    "Cơ quan nhà nước không giải quyết công việc qua điện thoại bằng cách yêu cầu chuyển tiền."
                ],
            },
            {
                "title": "Không làm theo, gác máy",
                "text": [
                    "Không trả lời câu hỏi về tài khoản, mật khẩu, mã OTP.",
                    "Gác máy.",
                    "Tự gọi lại cơ quan đó bằng số chính thức do bạn tự tìm, không dùng số người gọi đưa.",
                ],
                "tips": [
                    "Khi nghe tin người thân gặp nạn: gọi thẳng cho người thân đó, hoặc hỏi người nhà khác trước."
                ],
            },
            {
                "title": "Kiểm tra đường link trước khi bấm",
                "text": [
                    "Đọc kỹ địa chỉ trang. Trang của cơ quan nhà nước Việt Nam kết thúc bằng “.gov.vn”, "
                    "ví dụ dichvucong.gov.vn.",
                    "Cẩn thận với địa chỉ na ná: thêm chữ, thêm dấu gạch, chữ o đổi thành số 0.",
                    "Đường link lạ hoặc rút gọn trong tin nhắn: không bấm.",
                ],
                "images": [
                    (
                        "dia-chi-that-va-gia.png",
                        "Hình minh họa hai ô địa chỉ: dichvucong.gov.vn có dấu tích xanh, ghi đúng vì kết thúc "
                        "bằng .gov.vn; dichvuc0ng-gov.example có dấu chéo đỏ, ghi giả vì chữ o thành số 0 và "
                        "không kết thúc bằng .gov.vn.",
                        "Hình minh họa; địa chỉ giả trong hình là ví dụ, không phải trang có thật.",
                    )
                ],
            },
            {
                "title": "Không cài ứng dụng lạ, không cho người lạ điều khiển điện thoại",
                "text": [
                    STORE_TIP,
                    "Không cài tệp có đuôi “.apk” do người khác gửi.",
                    "Không cấp quyền điều khiển màn hình (quyền trợ năng) cho ứng dụng lạ.",
                ],
            },
            {
                "title": "Nếu đã lỡ cung cấp thông tin hoặc chuyển tiền",
                "text": [
                    "Gọi ngay tổng đài ngân hàng (số ở mặt sau thẻ) để khóa thẻ, khóa tài khoản.",
                    "Đổi mật khẩu ứng dụng ngân hàng và các tài khoản khác.",
                    "Đến Công an phường trình báo. Mang theo ảnh chụp tin nhắn, số điện thoại, số tài khoản đã chuyển.",
                ],
                "warnings": [
                    "Cẩn thận người gọi tới hứa “lấy lại tiền bị lừa” rồi đòi phí: đó thường là lừa đảo lần hai."
                ],
            },
            {
                "title": "Kể lại cho người thân, hàng xóm",
                "text": [
                    "Chia sẻ cách nhận biết lừa đảo với người cao tuổi trong nhà.",
                    "Hẹn nhau: trước khi chuyển tiền theo một cuộc gọi lạ, gọi hỏi người nhà.",
                ],
            },
        ],
        "problems": [
            (
                "Tôi đã đọc mã OTP cho người lạ",
                "Gọi ngay tổng đài ngân hàng để khóa giao dịch, đổi mật khẩu ứng dụng ngân hàng, "
                "rồi trình báo Công an phường.",
            ),
            (
                "Tôi đã bấm vào link lạ nhưng chưa nhập gì",
                "Đóng trang, không nhập thông tin. Nếu đã tải tệp về: xóa, không mở. "
                "Điện thoại có dấu hiệu lạ: nhờ Tổ công nghệ số cộng đồng kiểm tra.",
            ),
            (
                "Không chắc cuộc gọi thật hay giả",
                "Coi như giả cho đến khi bạn tự gọi lại số chính thức để kiểm tra.",
            ),
        ],
        "related": ["thanh-toan-bang-ma-vietqr", "kich-hoat-tai-khoan-dinh-danh-dien-tu-muc-do-2"],
    },
    {
        "slug": "thanh-toan-hoa-don-dien-nuoc-truc-tuyen",
        "title": "Trả tiền điện, tiền nước bằng ứng dụng ngân hàng",
        "summary": (
            "Trả tiền điện, tiền nước ngay tại nhà bằng ứng dụng ngân hàng, không phải chờ người thu "
            "hay ra điểm thu."
        ),
        "topics": ["thanh-toan-khong-dung-tien-mat"],
        "audiences": ["nguoi-cao-tuoi", "nguoi-huong-luong-huu", "moi-nguoi-dan"],
        "duration": 10,
        "difficulty": "easy",
        "outcomes": [
            "Tìm mã khách hàng trên hóa đơn.",
            "Trả tiền điện, nước bằng ứng dụng ngân hàng.",
            "Đăng ký tự động trả tiền hằng tháng, nếu ngân hàng có.",
        ],
        "requirements": [
            "Mã khách hàng, in trên hóa đơn hoặc giấy báo tiền điện, tiền nước.",
            "Ứng dụng ngân hàng trên điện thoại, đã đăng ký.",
            "Đủ tiền trong tài khoản.",
        ],
        "steps": [
            {
                "title": "Tìm mã khách hàng",
                "text": [
                    "Lấy hóa đơn hoặc giấy báo tiền điện, tiền nước gần nhất.",
                    "Tìm dòng “Mã khách hàng”.",
                    "Chụp ảnh hoặc chép lại mã này.",
                ],
                "warnings": [
                    "Điện lực, công ty cấp nước không yêu cầu chuyển tiền vào tài khoản cá nhân, không gửi đường "
                    "link dọa “cắt điện ngay”. Gặp tin như vậy: không bấm, gọi tổng đài in trên hóa đơn."
                ],
            },
            {
                "title": "Mở phần thanh toán hóa đơn",
                "text": [
                    "Mở ứng dụng ngân hàng và đăng nhập.",
                    "Chọn phần thanh toán hóa đơn.",
                    "Chọn loại hóa đơn: tiền điện hoặc tiền nước.",
                ],
            },
            {
                "title": "Chọn đơn vị cung cấp",
                "text": ["Chọn đúng công ty điện lực hoặc công ty cấp nước ghi trên hóa đơn của bạn."],
                "tips": [
                    "Không thấy công ty cấp nước của mình? Hỏi ngân hàng hoặc công ty cấp nước cách trả tiền qua mạng."
                ],
            },
            {
                "title": "Nhập mã khách hàng và kiểm tra",
                "text": [
                    "Nhập mã khách hàng.",
                    "Ứng dụng hiện tên, địa chỉ và số tiền phải trả.",
                    "Kiểm tra tên, địa chỉ đúng là nhà mình.",
                ],
                "warnings": ["Tên hoặc địa chỉ không đúng: dừng lại, kiểm tra lại mã khách hàng."],
            },
            {
                "title": "Xác nhận thanh toán",
                "text": [
                    "Chọn thanh toán.",
                    "Xác nhận theo cách ngân hàng yêu cầu.",
                    "Lưu lại màn hình báo giao dịch thành công.",
                ],
            },
            {
                "title": "Đăng ký tự động thanh toán (không bắt buộc)",
                "text": [
                    "Nhiều ngân hàng cho đăng ký tự trừ tiền điện, nước hằng tháng.",
                    "Muốn dùng: tìm phần thanh toán tự động trong ứng dụng, hoặc hỏi tại quầy ngân hàng.",
                ],
                "tips": ["Nhớ để đủ tiền trong tài khoản vào kỳ thanh toán."],
            },
        ],
        "problems": [
            (
                "Ứng dụng báo không có hóa đơn cần trả",
                "Có thể kỳ này chưa có hóa đơn hoặc bạn đã trả rồi. Kiểm tra lại sau vài ngày, "
                "hoặc gọi tổng đài in trên hóa đơn.",
            ),
            (
                "Đã trả nhưng vẫn nhận giấy báo",
                "Giấy báo có thể in trước khi bạn trả. Giữ ảnh giao dịch; cần thì gọi tổng đài để đối chiếu.",
            ),
            (
                "Chưa có ứng dụng ngân hàng",
                "Vẫn trả được tại điểm thu, quầy giao dịch. Hoặc đến ngân hàng nhờ hướng dẫn đăng ký ứng dụng.",
            ),
        ],
        "related": ["thanh-toan-bang-ma-vietqr", "nhan-biet-cuoc-goi-lua-dao-va-duong-link-gia"],
    },
    {
        "slug": "dat-lich-tu-van-kham-benh-tu-xa",
        "title": "Đặt lịch tư vấn sức khỏe từ xa với bác sĩ",
        "summary": (
            "Gặp bác sĩ qua cuộc gọi video để được tư vấn mà không phải đi xa: chuẩn bị gì, đặt lịch ra sao, "
            "và khi nào phải đến bệnh viện ngay."
        ),
        "topics": ["y-te-so"],
        "audiences": ["nguoi-cao-tuoi", "moi-nguoi-dan"],
        "duration": 20,
        "difficulty": "medium",
        "outcomes": [
            "Biết khi nào nên dùng tư vấn từ xa, khi nào phải khám trực tiếp.",
            "Đặt lịch qua kênh chính thức của cơ sở y tế.",
            "Chuẩn bị tốt cho buổi tư vấn qua video.",
        ],
        "requirements": [
            "Điện thoại thông minh có camera, loa và mạng ổn định.",
            "Thẻ bảo hiểm y tế (thẻ giấy hoặc trên ứng dụng VNeID) và căn cước.",
            "Danh sách thuốc đang dùng, kết quả khám và xét nghiệm gần đây.",
        ],
        "steps": [
            {
                "title": "Biết khi nào không dùng tư vấn từ xa",
                "text": [
                    "Tư vấn từ xa hợp với: hỏi về bệnh mạn tính đang điều trị, hỏi cách dùng thuốc, "
                    "xem lại kết quả xét nghiệm, hỏi có cần đi khám không."
                ],
                "warnings": [
                    "Đau ngực, khó thở, yếu liệt tay chân, méo miệng, chảy máu nhiều, ngất: gọi cấp cứu 115 "
                    "hoặc đến bệnh viện gần nhất ngay. Không chờ tư vấn từ xa."
                ],
            },
            {
                "title": "Tìm kênh đặt lịch chính thức",
                "text": [
                    "Hỏi bệnh viện, trạm y tế nơi bạn thường khám: có tư vấn từ xa không, đặt lịch bằng cách nào.",
                    "Chỉ dùng số điện thoại, trang web, ứng dụng do chính cơ sở y tế công bố.",
                ],
                "warnings": [
                    "Không mua thuốc theo lời người lạ tự xưng bác sĩ gọi điện, nhắn tin hoặc bán hàng trên mạng."
                ],
            },
            {
                "title": "Đặt lịch",
                "text": [
                    "Chọn chuyên khoa, ngày và giờ phù hợp.",
                    "Ghi rõ triệu chứng hoặc điều bạn cần hỏi.",
                    "Hỏi trước chi phí, cách trả tiền, và bảo hiểm y tế có chi trả không.",
                    "Ghi lại ngày giờ hẹn và cách vào cuộc gọi.",
                ],
            },
            {
                "title": "Chuẩn bị trước giờ hẹn",
                "text": [
                    [
                        "Sạc đầy pin, kiểm tra mạng.",
                        "Ngồi nơi yên tĩnh, đủ sáng.",
                        "Để sẵn thuốc đang dùng, kết quả xét nghiệm, thẻ bảo hiểm y tế, giấy bút.",
                        "Nhờ người nhà ngồi cùng nếu bạn nghe kém hoặc khó nhớ.",
                    ]
                ],
            },
            {
                "title": "Vào buổi tư vấn",
                "text": [
                    "Vào cuộc gọi đúng giờ, theo cách cơ sở y tế đã hướng dẫn.",
                    "Nói rõ triệu chứng: bắt đầu từ khi nào, nặng lên hay nhẹ đi.",
                    "Hỏi lại điều chưa hiểu. Ghi lại lời dặn.",
                ],
            },
            {
                "title": "Sau buổi tư vấn",
                "text": [
                    "Làm theo lời dặn của bác sĩ.",
                    "Nếu được kê đơn, hỏi bác sĩ cách nhận đơn thuốc và mua thuốc ở nhà thuốc.",
                    "Bệnh nặng hơn: đi khám trực tiếp ngay.",
                ],
            },
        ],
        "problems": [
            (
                "Hình, tiếng bị chập chờn",
                "Đến gần bộ phát wifi hoặc bật dữ liệu di động, tắt các ứng dụng khác. "
                "Vẫn không được: đề nghị bác sĩ gọi điện thoại thường.",
            ),
            (
                "Không biết nơi nào có tư vấn từ xa",
                "Hỏi trạm y tế phường hoặc Tổ công nghệ số cộng đồng; gọi số điện thoại chính thức của bệnh viện.",
            ),
            (
                "Lo lộ thông tin sức khỏe",
                "Chỉ cung cấp thông tin qua kênh chính thức của cơ sở y tế. "
                "Không gửi ảnh căn cước, thẻ bảo hiểm cho người lạ.",
            ),
        ],
        "related": ["kich-hoat-tai-khoan-dinh-danh-dien-tu-muc-do-2", "nhan-biet-cuoc-goi-lua-dao-va-duong-link-gia"],
    },
    {
        "slug": "dang-ky-chu-ky-so-ca-nhan",
        "title": "Đăng ký chữ ký số cá nhân",
        "summary": (
            "Chữ ký số giúp bạn ký giấy tờ điện tử có giá trị pháp lý, không cần in ra ký tay. "
            "Cách chọn nhà cung cấp được cấp phép, đăng ký và giữ an toàn."
        ),
        "topics": ["chu-ky-so", "dich-vu-cong-truc-tuyen"],
        "audiences": ["moi-nguoi-dan", "ho-kinh-doanh"],
        "duration": 30,
        "difficulty": "hard",
        "outcomes": [
            "Hiểu chữ ký số cá nhân dùng để làm gì.",
            "Chọn nhà cung cấp dịch vụ chữ ký số được Nhà nước cấp phép.",
            "Đăng ký, cài đặt và giữ an toàn chữ ký số.",
        ],
        "requirements": [
            "Căn cước hoặc căn cước công dân gắn chip.",
            "Điện thoại thông minh dùng số thuê bao đứng tên bạn.",
            "Địa chỉ thư điện tử (email), nếu nhà cung cấp yêu cầu.",
            "Phí dịch vụ theo bảng giá của nhà cung cấp (hỏi trước khi đăng ký).",
        ],
        "steps": [
            {
                "title": "Hiểu chữ ký số là gì",
                "text": [
                    "Chữ ký số là cách ký trên giấy tờ điện tử. Ký đúng quy định thì có giá trị như chữ ký tay.",
                    "Với ký số từ xa, bạn ký bằng ứng dụng trên điện thoại, không cần thiết bị cắm vào máy tính.",
                    "Chữ ký số có thời hạn; hết hạn phải gia hạn.",
                ],
            },
            {
                "title": "Chọn nhà cung cấp được cấp phép",
                "text": [
                    "Chỉ đăng ký với tổ chức cung cấp dịch vụ chứng thực chữ ký số công cộng được cấp phép.",
                    "Danh sách các tổ chức này được công bố trên trang của Trung tâm Chứng thực điện tử quốc gia "
                    "(neac.gov.vn).",
                    "Hỏi giá, thời hạn và cách gia hạn trước khi chọn.",
                ],
                "warnings": ["Không mua chữ ký số qua người lạ trên mạng xã hội."],
            },
            {
                "title": "Đăng ký",
                "text": [
                    "Đăng ký tại điểm giao dịch của nhà cung cấp, hoặc trên ứng dụng, trang web chính thức của họ.",
                    "Xuất trình căn cước và làm theo hướng dẫn xác minh danh tính.",
                    "Đọc kỹ hợp đồng trước khi đồng ý.",
                ],
            },
            {
                "title": "Cài ứng dụng ký số và đặt mã PIN",
                "text": [
                    "Cài ứng dụng ký số của nhà cung cấp từ CH Play hoặc App Store.",
                    "Kích hoạt theo hướng dẫn của nhà cung cấp.",
                    "Đặt mã PIN. Ghi nhớ, không viết mã lên điện thoại.",
                ],
                "warnings": ["Mã PIN chữ ký số giống con dấu của bạn. Không đưa cho ai, kể cả người nhà."],
            },
            {
                "title": "Ký thử và sử dụng",
                "text": [
                    "Nhờ nhân viên nhà cung cấp hướng dẫn ký thử một văn bản.",
                    "Khi nộp hồ sơ trực tuyến, nếu thủ tục cho phép ký số, chọn ký số rồi xác nhận trên ứng dụng.",
                    "Chỉ xác nhận ký khi chính bạn đang ký văn bản đó.",
                ],
            },
            {
                "title": "Theo dõi thời hạn, báo ngay khi mất điện thoại",
                "text": [
                    "Ghi lại ngày hết hạn và gia hạn trước ngày đó.",
                    "Mất điện thoại: báo ngay cho nhà cung cấp để tạm khóa chữ ký số.",
                ],
            },
        ],
        "problems": [
            (
                "Không thấy yêu cầu ký trên điện thoại",
                "Kiểm tra mạng, mở ứng dụng ký số để xem yêu cầu đang chờ. Vẫn không có: gọi tổng đài nhà cung cấp.",
            ),
            ("Quên mã PIN", "Liên hệ nhà cung cấp qua kênh chính thức để được cấp lại theo thủ tục của họ."),
            (
                "Không biết thủ tục nào cần ký số",
                "Đọc yêu cầu của thủ tục trên Cổng Dịch vụ công, hoặc hỏi Bộ phận một cửa.",
            ),
        ],
        "related": [
            "nop-ho-so-truc-tuyen-tren-cong-dich-vu-cong-quoc-gia",
            "kich-hoat-tai-khoan-dinh-danh-dien-tu-muc-do-2",
        ],
    },
    {
        "slug": "dung-tai-khoan-zalo-chinh-thuc-cua-phuong",
        "title": "Theo dõi và nhắn tin với tài khoản Zalo chính thức của phường",
        "summary": (
            "Nhận thông báo của phường, hỏi đáp về thủ tục qua tài khoản Zalo chính thức (Zalo OA). "
            "Cách tìm đúng tài khoản thật và dùng an toàn."
        ),
        "topics": ["ket-noi-chinh-quyen"],
        "audiences": ["nguoi-cao-tuoi", "moi-dung-dien-thoai", "moi-nguoi-dan"],
        "duration": 10,
        "difficulty": "easy",
        "outcomes": [
            "Tìm đúng tài khoản Zalo chính thức của phường, xã.",
            "Bấm “Quan tâm” để nhận thông báo.",
            "Gửi câu hỏi và nhận trả lời một cách an toàn.",
        ],
        "requirements": [
            "Điện thoại có ứng dụng Zalo và tài khoản Zalo.",
            "Mã QR hoặc tên tài khoản Zalo chính thức do phường công bố.",
        ],
        "steps": [
            {
                "title": "Lấy thông tin tài khoản chính thức",
                "text": [
                    "Xem mã QR hoặc tên tài khoản Zalo được niêm yết tại trụ sở UBND phường, "
                    "bộ phận một cửa, hoặc trên cổng thông tin của phường.",
                    "Không thấy: hỏi trực tiếp cán bộ phường.",
                ],
                "warnings": ["Có tài khoản giả mạo chính quyền. Chỉ tin mã QR và tên tài khoản do phường công bố."],
            },
            {
                "title": "Mở tài khoản trên Zalo",
                "text": [
                    "Mở Zalo.",
                    "Quét mã QR bằng chức năng quét mã của Zalo, hoặc gõ tên tài khoản vào ô tìm kiếm.",
                    "Mở trang của tài khoản.",
                ],
            },
            {
                "title": "Kiểm tra tài khoản",
                "text": [
                    "Đối chiếu tên tài khoản với tên phường đã công bố.",
                    "Đọc vài bài đăng gần đây: có phải thông báo của phường không.",
                    "Thấy điều lạ, như đòi tiền hay hỏi thông tin ngân hàng: dừng lại và báo cho phường.",
                ],
            },
            {
                "title": "Bấm “Quan tâm”",
                "text": ["Chọn “Quan tâm” để nhận thông báo của phường."],
                "tips": ["Bạn có thể bỏ quan tâm bất cứ lúc nào."],
            },
            {
                "title": "Gửi câu hỏi",
                "text": [
                    "Nhắn tin ngắn, nói rõ việc bạn cần hỏi.",
                    "Chờ trả lời trong giờ làm việc.",
                ],
                "warnings": [
                    "Không gửi mật khẩu, mã OTP, số thẻ ngân hàng qua tin nhắn. Hồ sơ thủ tục thì nộp qua "
                    "Cổng Dịch vụ công hoặc tại bộ phận một cửa."
                ],
            },
            {
                "title": "Đọc thông báo an toàn",
                "text": [
                    "Đọc thông báo của phường: lịch tiếp dân, lịch hỗ trợ kỹ năng số, tin cần biết.",
                    "Trước khi nhập thông tin vào một trang được gửi kèm, vẫn kiểm tra địa chỉ trang.",
                ],
            },
        ],
        "problems": [
            (
                "Tìm tên thấy nhiều tài khoản giống nhau",
                "Chỉ dùng mã QR do phường niêm yết. Không chắc thì hỏi cán bộ phường.",
            ),
            (
                "Nhắn tin mà chưa được trả lời",
                "Chờ trong giờ hành chính. Việc gấp: gọi điện hoặc đến bộ phận một cửa.",
            ),
            ("Không muốn nhận thông báo nữa", "Vào trang của tài khoản và bỏ quan tâm."),
        ],
        "related": [
            "nhan-biet-cuoc-goi-lua-dao-va-duong-link-gia",
            "nop-ho-so-truc-tuyen-tren-cong-dich-vu-cong-quoc-gia",
        ],
    },
]

# The browser-test portal (bootstrap_portal --small) builds only these: the ones with illustrations.
SMALL_SLUGS = [
    "nop-ho-so-truc-tuyen-tren-cong-dich-vu-cong-quoc-gia",
    "thanh-toan-bang-ma-vietqr",
    "nhan-biet-cuoc-goi-lua-dao-va-duong-link-gia",
]

TEAM_INTRODUCTION = (
    "Tổ hướng dẫn người dân miễn phí: cài và kích hoạt VNeID, nộp hồ sơ trực tuyến, trả tiền không dùng "
    "tiền mặt, nhận biết lừa đảo. Tổ không thu tiền và không bao giờ hỏi mật khẩu hay mã OTP của bạn."
)
TEAM_ROLES = [
    ("Tổ trưởng – lãnh đạo UBND phường", "Giờ hành chính, tại Bộ phận một cửa"),
    ("Thành viên – công chức Văn hóa – Xã hội", "Giờ hành chính"),
    ("Thành viên – Công an phường (định danh điện tử VNeID)", "Theo lịch tiếp dân của Công an phường"),
    ("Thành viên – đoàn viên thanh niên", "Theo lịch hỗ trợ trực tiếp"),
    ("Thành viên – nhân viên doanh nghiệp viễn thông, ngân hàng trên địa bàn", "Theo lịch hỗ trợ trực tiếp"),
]
# (weekday 0=Monday, start hour, end hour, topic slug, title)
SESSION_PLAN = [
    (5, (8, 0), (10, 30), "dinh-danh-dien-tu-vneid", "Cài đặt, kích hoạt VNeID và nộp hồ sơ trực tuyến"),
    (2, (14, 0), (16, 30), "thanh-toan-khong-dung-tien-mat", "Trả tiền bằng mã QR, trả tiền điện nước qua ngân hàng"),
    (3, (8, 30), (10, 30), "an-toan-thong-tin", "Nhận biết cuộc gọi lừa đảo, đường link giả"),
]
